package io.loveandpay.test.app;

import org.junit.jupiter.api.Test;

import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedRequest;
import io.loveandpay.test.standin.SignatureVerdict;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's connection details and the annotation's webhook secret win over the
 * application's {@code loveandpay.*} properties. In this {@code MOCK} web environment no
 * server starts, so the stand-in has no webhook URL unless a test gives it one.
 */
@SpringBootTest(properties = { "loveandpay.base-url=https://provider.invalid", "loveandpay.api-key=pk_test_properties",
		"loveandpay.secret-key=sk_test_properties", "loveandpay.webhook.secret=whsec_properties" })
@AutoConfigureLoveandpayStandIn(webhookSecret = "whsec_custom")
class StandInOverridesPropertiesTests {

	@Autowired
	LoveandpayConnectionDetails connectionDetails;

	@Autowired
	LoveandpayStandIn standIn;

	@Autowired
	BlockingKycSessionService kycSessions;

	@Autowired
	Environment environment;

	@Test
	void connectionDetailsPointAtTheStandIn() {
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(this.standIn.apiKey());
		assertThat(this.connectionDetails.getSecretKey()).isEqualTo(this.standIn.secretKey());
		assertThat(this.connectionDetails.getBaseUrl() + "/api/v2").isEqualTo(this.standIn.baseUrl().toString());
	}

	@Test
	void callsReachTheStandInSigned() {
		this.kycSessions.createSession(CreateKycSessionRequest.builder().customerId("customer-1").build());
		assertThat(this.standIn.journal().requests()).singleElement()
			.extracting(RecordedRequest::signature)
			.isEqualTo(SignatureVerdict.VALID);
	}

	@Test
	void applicationVerifiesWebhooksWithTheStandInsSecret() {
		assertThat(this.environment.getProperty("loveandpay.webhook.secret")).isEqualTo(this.standIn.webhookSecret())
			.isEqualTo("whsec_custom");
	}

	@Test
	void withoutAServerTheStandInHasNoWebhookUrl() {
		assertThat(this.standIn.webhooks().url()).isNull();
	}

}
