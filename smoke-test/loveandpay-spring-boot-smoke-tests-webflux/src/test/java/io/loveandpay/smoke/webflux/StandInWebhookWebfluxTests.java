package io.loveandpay.smoke.webflux;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedWebhook;
import io.loveandpay.test.testsupport.CanaryKeys;
import io.loveandpay.testsupport.WebhookEventRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's verification to its end on the newcomer's WebFlux application: the
 * endpoint redirects to the stand-in's page, the stand-in approves or rejects the session
 * and sends the signed webhook to the application's own port, where the listener gets it.
 */
@SpringBootTest(classes = { WebfluxNewcomerApplication.class, WebhookEventRecorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureLoveandpayStandIn
@Import(CanaryKeys.class)
class StandInWebhookWebfluxTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	LoveandpayStandIn standIn;

	@Autowired
	WebhookEventRecorder recorder;

	@Test
	void approvedVerificationReachesTheListenerAsASignedWebhook() {
		UUID id = start("customer-webflux-1");
		this.standIn.sessions().approve(id);
		KycWebhookEvent event = delivered(id, "kyc.completed");
		assertThat(event.isCompleted()).isTrue();
		assertThat(event.session().customerId()).isEqualTo("customer-webflux-1");
	}

	@Test
	void rejectedVerificationReachesTheListenerAsASignedWebhook() {
		UUID id = start("customer-webflux-2");
		this.standIn.sessions().reject(id, "document_expired");
		KycWebhookEvent event = delivered(id, "kyc.failed");
		assertThat(event.isFailed()).isTrue();
		assertThat(event.session().failureReason()).isEqualTo("document_expired");
		assertThat(event.session().customerId()).isEqualTo("customer-webflux-2");
	}

	private UUID start(String customerId) {
		URI location = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build()
			.post()
			.uri("/customers/{customerId}/verification", customerId)
			.exchange()
			.expectStatus()
			.isEqualTo(303)
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation();
		assertThat(this.standIn.sessions().all()).singleElement()
			.satisfies((session) -> assertThat(session.customerId()).isEqualTo(customerId))
			.satisfies((session) -> assertThat(location)
				.isEqualTo(URI.create(this.standIn.clientBaseUrl() + "/verify/" + session.id())));
		return this.standIn.sessions().all().get(0).id();
	}

	private KycWebhookEvent delivered(UUID id, String type) {
		RecordedWebhook webhook = this.standIn.journal().awaitWebhooks(1, WAIT).get(0);
		assertThat(webhook.type()).isEqualTo(type);
		assertThat(webhook.sessionId()).isEqualTo(id);
		assertThat(webhook.target()).isEqualTo(URI.create("http://127.0.0.1:" + this.port + "/loveandpay/webhooks"));
		assertThat(webhook.status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> !this.recorder.kycDelivered(webhook.eventId()).isEmpty());
		assertThat(this.recorder.kycDelivered(webhook.eventId())).hasSize(1);
		KycWebhookEvent event = this.recorder.kycDelivered(webhook.eventId()).get(0);
		assertThat(event.session().id()).isEqualTo(id.toString());
		return event;
	}

}
