package io.loveandpay.smoke;

import java.time.Duration;
import java.util.UUID;

import io.loveandpay.test.standin.RecordedWebhook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's verification to its end: the stand-in approves or rejects the session as
 * its hosted page would, and sends the signed webhook to the application's own port,
 * where the README's listener records the outcome.
 */
class VerificationWebhookTests extends StandInApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	RestTestClient http;

	@Autowired
	VerificationOutcomes outcomes;

	VerificationFlow flow;

	@BeforeEach
	void flow() {
		this.flow = new VerificationFlow(this.http, this.standIn);
	}

	@Test
	void approvedVerificationReachesTheListenerAsASignedWebhook() {
		String customerId = VerificationFlow.newCustomerId();
		UUID id = this.flow.start(customerId);
		this.standIn.sessions().approve(id);
		await().atMost(WAIT).until(() -> this.outcomes.isVerified(customerId));
		assertThat(this.outcomes.hasFailed(customerId)).isFalse();
		assertThat(this.standIn.journal().webhooks()).singleElement().satisfies((webhook) -> {
			assertThat(webhook.type()).isEqualTo("kyc.completed");
			assertThat(webhook.sessionId()).isEqualTo(id);
			assertDeliveredToTheApplication(webhook);
		});
		assertThat(this.flow.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void rejectedVerificationReachesTheListenerAsASignedWebhook() {
		String customerId = VerificationFlow.newCustomerId();
		UUID id = this.flow.start(customerId);
		this.standIn.sessions().reject(id, "document_expired");
		await().atMost(WAIT).until(() -> this.outcomes.hasFailed(customerId));
		assertThat(this.outcomes.isVerified(customerId)).isFalse();
		assertThat(this.standIn.journal().webhooks()).singleElement().satisfies((webhook) -> {
			assertThat(webhook.type()).isEqualTo("kyc.failed");
			assertThat(webhook.sessionId()).isEqualTo(id);
			assertDeliveredToTheApplication(webhook);
		});
		assertThat(this.flow.status(id)).isEqualTo("REJECTED");
	}

	private static void assertDeliveredToTheApplication(RecordedWebhook webhook) {
		assertThat(webhook.target().getHost()).isEqualTo("127.0.0.1");
		assertThat(webhook.target().getPath()).isEqualTo("/loveandpay/webhooks");
		assertThat(webhook.attempt()).isEqualTo(1);
		assertThat(webhook.status()).isEqualTo(200);
	}

}
