package io.loveandpay.autoconfigure.webhook;

import java.util.OptionalLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookReceiver;
import io.loveandpay.webhook.LoveandpayWebhookReceiver.Reception;
import io.loveandpay.webhook.WebhookOutcome;
import io.loveandpay.webhook.WebhookSigner;
import io.loveandpay.webhook.WebhookVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint on WebFlux. The body is joined up to the limit and no further.
 * Nothing that may block runs on the event loop: the receiver (whose de-duplication store
 * may be remote) and the publication to {@code @EventListener} methods run on
 * {@link Schedulers#boundedElastic()}; the {@code LoveandpayWebhookHandler} beans are
 * subscribed to in order, without blocking. The answer has the outcome's status and no
 * body.
 * <p>
 * A delivery cancelled midway (the sender went away) keeps its claim until the claim
 * timeout, so that listeners still running are not run again at the same time.
 */
final class ReactiveWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private final WebhookDelivery delivery;

	private final Scheduler blocking = Schedulers.boundedElastic();

	ReactiveWebhookEndpoint(WebhookDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		long max = this.delivery.maxBodySize();
		OptionalLong declared = request.headers().contentLength();
		if (declared.isPresent() && declared.getAsLong() > max) {
			return answer(this.delivery.tooLarge());
		}
		ServerRequest.Headers headers = request.headers();
		String signature = headers.firstHeader(WebhookVerifier.SIGNATURE_HEADER);
		String deliveryId = headers.firstHeader(WebhookSigner.ID_HEADER);
		String timestamp = headers.firstHeader(WebhookSigner.TIMESTAMP_HEADER);
		return bodyWithin(request, (int) max)
			.flatMap((body) -> Mono
				.fromCallable(() -> this.delivery.receiver().receive(body, signature, deliveryId, timestamp))
				.subscribeOn(this.blocking))
			.flatMap(this::outcome)
			.switchIfEmpty(Mono.fromSupplier(this.delivery::tooLarge))
			.flatMap(ReactiveWebhookEndpoint::answer);
	}

	/**
	 * Return the body, or nothing when it is larger than the limit.
	 */
	private static Mono<byte[]> bodyWithin(ServerRequest request, int max) {
		return DataBufferUtils.join(request.exchange().getRequest().getBody(), max)
			.map(ReactiveWebhookEndpoint::bytes)
			.defaultIfEmpty(new byte[0])
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.empty());
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private Mono<WebhookOutcome> outcome(Reception reception) {
		WebhookOutcome refused = reception.outcome();
		Mono<WebhookOutcome> outcome = (refused != null) ? Mono.just(refused) : deliver(reception);
		return outcome
			.doOnNext((result) -> this.delivery.recorder().record(result, reception.event(), reception.secretIndex()));
	}

	/**
	 * Deliver a claimed event. A store that fails to record the delivery makes it
	 * {@link WebhookOutcome#STORE_UNAVAILABLE}, and any other failure to complete the
	 * claim releases it: the event is then delivered again rather than lost.
	 */
	private Mono<WebhookOutcome> deliver(Reception reception) {
		LoveandpayWebhookEvent event = reception.event();
		if (event == null) {
			return Mono.error(new IllegalStateException("A reception to deliver has no event"));
		}
		LoveandpayWebhookReceiver receiver = this.delivery.receiver();
		Mono<Void> listeners = Mono.<Void>fromRunnable(() -> this.delivery.publisher().publishEvent(event))
			.subscribeOn(this.blocking);
		Mono<Void> handlers = Flux.fromIterable(this.delivery.handlers())
			.concatMap((handler) -> Mono.defer(() -> handler.handle(event)))
			.then();
		return listeners.then(handlers)
			.timeout(receiver.limits().claimTimeout())
			.then(Mono.fromCallable(() -> receiver.delivered(reception)).subscribeOn(this.blocking))
			.onErrorResume((ex) -> Mono.fromCallable(() -> receiver.failed(reception, ex)).subscribeOn(this.blocking));
	}

	private static Mono<ServerResponse> answer(WebhookOutcome outcome) {
		return ServerResponse.status(outcome.statusCode()).build();
	}

}
