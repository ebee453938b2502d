package io.loveandpay.autoconfigure.webhook;

import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.loveandpay.webhook.LoveandpayWebhookHandler;
import io.loveandpay.webhook.LoveandpayWebhookReceiver;
import io.loveandpay.webhook.WebhookOutcome;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.function.SingletonSupplier;

/**
 * What both endpoints deliver to: the receiver, the application's event publisher (for
 * {@code @EventListener} methods), the {@link LoveandpayWebhookHandler} beans in order,
 * and the recorder.
 */
final class WebhookDelivery {

	private static final Log logger = LogFactory.getLog(WebhookDelivery.class);

	private final LoveandpayWebhookReceiver receiver;

	private final ApplicationEventPublisher publisher;

	private final Supplier<List<LoveandpayWebhookHandler>> handlers;

	private final WebhookRecorder recorder;

	WebhookDelivery(LoveandpayWebhookReceiver receiver, ApplicationEventPublisher publisher,
			Supplier<List<LoveandpayWebhookHandler>> handlers, WebhookRecorder recorder) {
		this.receiver = receiver;
		this.publisher = publisher;
		this.handlers = SingletonSupplier.of(handlers);
		this.recorder = recorder;
	}

	LoveandpayWebhookReceiver receiver() {
		return this.receiver;
	}

	ApplicationEventPublisher publisher() {
		return this.publisher;
	}

	List<LoveandpayWebhookHandler> handlers() {
		return this.handlers.get();
	}

	WebhookRecorder recorder() {
		return this.recorder;
	}

	long maxBodySize() {
		return this.receiver.limits().maxBodySize();
	}

	/**
	 * Refuse a body found larger than the limit before it was read whole.
	 * @return {@link WebhookOutcome#TOO_LARGE}
	 */
	WebhookOutcome tooLarge() {
		if (logger.isWarnEnabled()) {
			logger.warn("Webhook delivery refused (" + WebhookOutcome.TOO_LARGE
					+ "): the body is larger than loveandpay.webhook.max-body-size");
		}
		this.recorder.record(WebhookOutcome.TOO_LARGE, null, -1);
		return WebhookOutcome.TOO_LARGE;
	}

}
