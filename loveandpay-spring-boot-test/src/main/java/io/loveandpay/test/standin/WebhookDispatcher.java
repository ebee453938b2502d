package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookSigner;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends a signed webhook for each completed session, asynchronously, redelivering after a
 * non-2xx answer or a connection error with doubling backoff, and playing the provider's
 * habits ({@link StandInWebhooks#deliverTwice(boolean)},
 * {@link StandInWebhooks#deliverOutOfOrder(boolean)}).
 */
final class WebhookDispatcher {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final WebhookSigner signer;

	private final StandInWebhooks webhooks;

	private final StandInJournal journal;

	private final Supplier<Instant> now;

	private final SingletonSupplier<HttpClient> client = SingletonSupplier
		.of(() -> HttpClient.create().disableRetry(true).responseTimeout(TIMEOUT));

	private volatile Disposable.Composite pending = Disposables.composite();

	private @Nullable Event held;

	WebhookDispatcher(String secret, StandInWebhooks webhooks, StandInJournal journal, Supplier<Instant> now) {
		this.signer = new WebhookSigner(secret);
		this.webhooks = webhooks;
		this.journal = journal;
		this.now = now;
		webhooks.onOrderRestored(this::releaseHeld);
	}

	void completed(StandInSession session) {
		StandInWebhooks.Settings settings = this.webhooks.settings();
		URI url = settings.url();
		if (url == null) {
			return;
		}
		String type = session.status().equals(StandInSessions.APPROVED) ? "kyc.completed" : "kyc.failed";
		Event event = new Event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, session, this.now.get(),
				url, settings);
		Event before = null;
		synchronized (this) {
			if (this.webhooks.outOfOrder()) {
				if (this.held == null) {
					this.held = event;
					return;
				}
				before = this.held;
				this.held = null;
			}
		}
		if (before != null) {
			dispatch(deliveries(event).then(deliveries(before)));
		}
		else {
			dispatch(deliveries(event));
		}
	}

	private void releaseHeld() {
		Event event;
		synchronized (this) {
			event = this.held;
			this.held = null;
		}
		if (event != null) {
			dispatch(deliveries(event));
		}
	}

	/**
	 * Return the deliveries of one event: one, or two at once when asked to deliver
	 * twice.
	 */
	private Mono<Void> deliveries(Event event) {
		return this.webhooks.twice() ? Mono.when(deliver(event, 1), deliver(event, 1)) : deliver(event, 1);
	}

	private void dispatch(Mono<Void> deliveries) {
		Disposable.Composite pending = this.pending;
		Disposable.Swap delivery = Disposables.swap();
		pending.add(delivery);
		delivery.update(deliveries.doFinally((signal) -> pending.remove(delivery)).subscribe());
	}

	private Mono<Void> deliver(Event event, int attempt) {
		return Mono.defer(() -> {
			SignedWebhook signed = this.signer.sign(body(event, attempt),
					"whd_" + UUID.randomUUID().toString().replace("-", ""), this.now.get());
			Instant sentAt = this.now.get();
			return this.client.obtain()
				.headers((headers) -> signed.headers().forEach(headers::set))
				.post()
				.uri(event.url())
				.send(Mono.just(Unpooled.wrappedBuffer(signed.body())))
				.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
				.map((status) -> record(event, attempt, signed, sentAt, status, null))
				.onErrorResume((ex) -> Mono.just(record(event, attempt, signed, sentAt, null, describe(ex))))
				.flatMap((delivered) -> {
					if (delivered || attempt >= event.settings().maxAttempts()) {
						return Mono.empty();
					}
					Duration backoff = event.settings().firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
					return Mono.delay(backoff).then(deliver(event, attempt + 1));
				});
		});
	}

	private boolean record(Event event, int attempt, SignedWebhook signed, Instant sentAt, @Nullable Integer status,
			@Nullable String error) {
		RecordedWebhook webhook = new RecordedWebhook(event.id(), event.type(), event.session().id(),
				signed.header(WebhookSigner.ID_HEADER), event.url(), attempt, status, error, signed.bodyText(), sentAt);
		this.journal.record(webhook);
		return webhook.delivered();
	}

	private byte[] body(Event event, int attempt) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("id", event.id());
		if (event.settings().envelope() == WebhookEnvelope.SESSION) {
			body.put("type", event.type());
			body.put("createdAt", SessionJson.instant(event.createdAt()));
			body.put("data", Map.of("session", SessionJson.webhookSession(event.session())));
		}
		else {
			body.put("event", event.type());
			body.put("timestamp", event.createdAt().toEpochMilli());
			body.put("data", SessionJson.webhookSession(event.session()));
			body.put("partnerId", "partner_standin");
			body.put("retryCount", attempt - 1);
		}
		return StandInJson.write(body);
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	void reset() {
		Disposable.Composite old;
		synchronized (this) {
			this.held = null;
			old = this.pending;
			this.pending = Disposables.composite();
		}
		old.dispose();
	}

	/**
	 * One event, with the settings in force when it happened.
	 */
	private record Event(String id, String type, StandInSession session, Instant createdAt, URI url,
			StandInWebhooks.Settings settings) {

	}

}
