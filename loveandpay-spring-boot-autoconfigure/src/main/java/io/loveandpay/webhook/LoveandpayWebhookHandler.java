package io.loveandpay.webhook;

import reactor.core.publisher.Mono;

/**
 * Handles verified webhook events without blocking: the way for a WebFlux application to
 * act on an event, beside {@code @EventListener} methods, which never run on an
 * event-loop thread. Every bean of this type is called, in order, for each event to
 * deliver; the delivery is acknowledged once every returned {@link Mono} has completed,
 * and an error (or a throw) has it answered 5xx and delivered again later.
 * <p>
 * On Spring MVC the returned {@code Mono} is waited for on the request thread, for at
 * most {@code loveandpay.webhook.claim-timeout}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LoveandpayWebhookHandler {

	/**
	 * Handle a verified event. It may be a {@code io.loveandpay.kyc.KycWebhookEvent}.
	 * @param event the event
	 * @return a {@code Mono} that completes when the event is handled, or fails to have
	 * it delivered again
	 */
	Mono<Void> handle(LoveandpayWebhookEvent event);

}
