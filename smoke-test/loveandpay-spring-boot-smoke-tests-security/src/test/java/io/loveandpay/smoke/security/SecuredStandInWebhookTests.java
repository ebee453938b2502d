package io.loveandpay.smoke.security;

import java.time.Duration;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedWebhook;
import io.loveandpay.test.testsupport.CanaryKeys;
import io.loveandpay.testsupport.WebhookEventRecorder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stand-in's own signed webhooks reach the listeners of an application with Spring
 * Security's defaults, with no credentials nor CSRF token, on the first attempt: the
 * starter's webhook chain lets them through on Spring MVC and on WebFlux.
 */
class SecuredStandInWebhookTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	static void assertApprovalDelivered(LoveandpayStandIn standIn, KycSessionService sessions,
			WebhookEventRecorder recorder, int port) {
		KycSession session = sessions.blocking()
			.createSession(CreateKycSessionRequest.builder().customerId("secured-customer").build());
		standIn.sessions().approve(session.id());
		RecordedWebhook webhook = standIn.journal().awaitWebhooks(1, WAIT).get(0);
		assertThat(webhook.target().getPort()).isEqualTo(port);
		assertThat(webhook.type()).isEqualTo("kyc.completed");
		assertThat(webhook.status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> !recorder.kycDelivered(webhook.eventId()).isEmpty());
		assertThat(recorder.kycDelivered(webhook.eventId())).singleElement().satisfies((event) -> {
			assertThat(event.isCompleted()).isTrue();
			assertThat(event.session().id()).isEqualTo(session.id().toString());
			assertThat(event.session().customerId()).isEqualTo("secured-customer");
		});
		assertThat(standIn.journal().webhooks()).as("no redelivery").hasSize(1);
	}

	/**
	 * The test that each web stack runs against an application of its own.
	 */
	abstract static class ApprovalDelivery {

		@LocalServerPort
		int port;

		@Autowired
		LoveandpayStandIn standIn;

		@Autowired
		KycSessionService sessions;

		@Autowired
		WebhookEventRecorder recorder;

		@Test
		void approvalIsDeliveredThroughTheWebhookChain() {
			assertApprovalDelivered(this.standIn, this.sessions, this.recorder, this.port);
		}

	}

	@Nested
	@SpringBootTest(classes = { SecuredApplication.class, WebhookEventRecorder.class },
			webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
	@AutoConfigureLoveandpayStandIn
	@Import(CanaryKeys.class)
	class OnSpringMvc extends ApprovalDelivery {

	}

	@Nested
	@SpringBootTest(classes = { SecuredApplication.class, WebhookEventRecorder.class },
			webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
	@AutoConfigureLoveandpayStandIn
	@Import(CanaryKeys.class)
	class OnWebFlux extends ApprovalDelivery {

	}

}
