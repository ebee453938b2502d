package io.loveandpay.test.app;

import java.time.Duration;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A user's test of a WebFlux application against the stand-in: the webhook reaches the
 * application under its WebFlux base path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.webflux.base-path=/shop" })
@AutoConfigureLoveandpayStandIn
class ReactiveOnboardingTests {

	@Autowired
	KycSessionService kycSessions;

	@Autowired
	LoveandpayStandIn standIn;

	@Autowired
	VerificationOutcomes outcomes;

	@Test
	void approvedVerificationArrivesAsSignedWebhookUnderTheBasePath() {
		KycSession session = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("customer-reactive").build())
			.block(Duration.ofSeconds(10));
		assertThat(session).isNotNull();
		this.standIn.sessions().approve(session.id());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.outcomes.completed()).contains(session.id().toString()));
		assertThat(this.standIn.journal().awaitWebhooks(1, Duration.ofSeconds(10))).singleElement()
			.satisfies((webhook) -> {
				assertThat(webhook.target().getPath()).isEqualTo("/shop/loveandpay/webhooks");
				assertThat(webhook.status()).isEqualTo(200);
			});
	}

}
