package io.loveandpay.smoke.webflux;

import java.time.Instant;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.testsupport.WebhookEventRecorder;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookSigner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's test of a webhook listener with {@code WebTestClient}, as a newcomer
 * copies it into a WebFlux application: the stand-in supplies the connection and the
 * webhook secret; a {@code MOCK} web environment has no port for its webhooks, so the
 * test signs its own.
 */
@SpringBootTest(classes = { WebfluxNewcomerApplication.class, WebhookEventRecorder.class })
@AutoConfigureLoveandpayStandIn(webhookSecret = "whsec_test")
@AutoConfigureWebTestClient
class WebhookListenerWebTestClientTests {

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	WebhookEventRecorder recorder;

	@Test
	void completedVerificationReachesTheListener() {
		SignedWebhook webhook = new WebhookSigner("whsec_test").sign("""
				{"id":"evt_webflux_readme","type":"kyc.completed","createdAt":"%s",
				 "data":{"session":{"id":"kyc_abc123","status":"completed"}}}""".formatted(Instant.now()));
		this.webTestClient.post()
			.uri("/loveandpay/webhooks")
			.headers((headers) -> webhook.headers().forEach(headers::add))
			.bodyValue(webhook.body())
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.recorder.kycDelivered("evt_webflux_readme")).singleElement()
			.satisfies((event) -> assertThat(event.isCompleted()).isTrue())
			.extracting(KycWebhookEvent::session)
			.satisfies((session) -> assertThat(session.id()).isEqualTo("kyc_abc123"));
	}

}
