package io.loveandpay.autoconfigure.webhook;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Schedulers;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookSigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Secrets, signed bodies, their delivery to the reactive endpoint and a recording
 * listener, shared by the webhook endpoint tests.
 */
final class Webhooks {

	static final String SECRET = "whsec_current_canary_0001";

	static final String PREVIOUS = "whsec_previous_canary_0002";

	static final String PATH = "/loveandpay/webhooks";

	private Webhooks() {
	}

	static String kycCompleted(String eventId) {
		return """
				{"id":"%s","type":"kyc.completed","createdAt":"%s",\
				"data":{"session":{"id":"kyc_abc123","status":"completed","level":"basic",\
				"metadata":{"userId":"user_1"},"completedAt":"%s"}}}""".formatted(eventId, Instant.now(),
				Instant.now());
	}

	static SignedWebhook signed(String json) {
		return new WebhookSigner(SECRET).sign(json);
	}

	static SignedWebhook signed(String secret, String json) {
		return new WebhookSigner(secret).sign(json);
	}

	/**
	 * Post a signed webhook to the endpoint, as the provider does.
	 */
	static WebTestClient.ResponseSpec send(WebTestClient client, SignedWebhook webhook) {
		return client.post()
			.uri(PATH)
			.headers((headers) -> webhook.headers().forEach(headers::set))
			.bodyValue(webhook.body())
			.exchange();
	}

	/**
	 * An {@code @EventListener} of KYC events that records them, the threads it ran on,
	 * and throws as often as told.
	 */
	static final class Received {

		final List<KycWebhookEvent> events = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Boolean> onNonBlockingThread = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger failuresToThrow = new AtomicInteger();

		@EventListener
		void on(KycWebhookEvent event) {
			this.calls.incrementAndGet();
			this.threads.add(Thread.currentThread().getName());
			this.onNonBlockingThread.add(Schedulers.isInNonBlockingThread());
			if (this.failuresToThrow.getAndDecrement() > 0) {
				throw new IllegalStateException("listener failure for the test");
			}
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Listening {

		@Bean
		Received received() {
			return new Received();
		}

	}

}
