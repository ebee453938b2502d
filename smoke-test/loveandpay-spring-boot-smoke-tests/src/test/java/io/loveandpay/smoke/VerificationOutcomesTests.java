package io.loveandpay.smoke;

import java.time.Instant;

import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookSigner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's test of a webhook listener with MockMvc, as a newcomer copies it: the
 * stand-in supplies the connection and the webhook secret; a {@code MOCK} web environment
 * has no port for its webhooks, so the test signs its own.
 */
@SpringBootTest
@AutoConfigureLoveandpayStandIn(webhookSecret = "whsec_test")
@AutoConfigureMockMvc
class VerificationOutcomesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	VerificationOutcomes outcomes;

	@Test
	void completedVerificationIsRecorded() throws Exception {
		SignedWebhook webhook = new WebhookSigner("whsec_test").sign("""
				{"id":"evt_1","type":"kyc.completed","createdAt":"%s",
				 "data":{"session":{"id":"kyc_abc123","status":"completed","metadata":{"userId":"customer-7"}}}}"""
			.formatted(Instant.now()));
		this.mvc
			.perform(post("/loveandpay/webhooks").content(webhook.body())
				.headers((headers) -> webhook.headers().forEach(headers::add)))
			.andExpect(status().isOk());
		assertThat(this.outcomes.isVerified("customer-7")).isTrue();
	}

	@Test
	void failedVerificationInTheOtherEnvelopeIsRecorded() throws Exception {
		SignedWebhook webhook = new WebhookSigner("whsec_test").sign("""
				{"id":"evt_2","event":"KYC_FAILED","timestamp":%d,"partnerId":"partner_1","retryCount":0,
				 "data":{"id":"kyc_def456","status":"failed","failureReason":"document_expired",
				         "metadata":{"userId":"customer-8"}}}""".formatted(Instant.now().toEpochMilli()));
		this.mvc
			.perform(post("/loveandpay/webhooks").content(webhook.body())
				.headers((headers) -> webhook.headers().forEach(headers::add)))
			.andExpect(status().isOk());
		assertThat(this.outcomes.hasFailed("customer-8")).isTrue();
		assertThat(this.outcomes.isVerified("customer-8")).isFalse();
	}

	@Test
	void unsignedDeliveryReachesNoListener() throws Exception {
		this.mvc.perform(post("/loveandpay/webhooks").content("""
				{"id":"evt_3","type":"kyc.completed","createdAt":"%s",
				 "data":{"session":{"id":"kyc_ghi789","status":"completed","metadata":{"userId":"customer-9"}}}}"""
			.formatted(Instant.now()))).andExpect(status().isUnauthorized());
		assertThat(this.outcomes.isVerified("customer-9")).isFalse();
	}

}
