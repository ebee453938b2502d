package io.loveandpay.samples.webflux;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycStatus;
import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.kyc.KycWebhookSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own state of its verifications, and how webhooks change it.
 */
class VerificationsTests {

	private final Verifications verifications = new Verifications();

	private final VerificationOutcomes outcomes = new VerificationOutcomes(this.verifications);

	@Test
	void startedVerificationIsNotStartedWithItsVerificationUrl() {
		KycSession session = session();
		Verification verification = this.verifications.started("v-1", session);
		assertThat(verification).isEqualTo(new Verification("v-1", "NOT_STARTED", null, session.verificationUrl()));
		assertThat(this.verifications.find("v-1")).contains(verification);
		assertThat(this.verifications.find("v-2")).isEmpty();
	}

	@Test
	void updatesReplayTheLatestStateAndEndWithTheOutcome() {
		KycSession session = session();
		this.verifications.started("v-1", session);
		StepVerifier.create(this.verifications.updates("v-1").map(Verification::status))
			.expectNext("NOT_STARTED")
			.then(() -> this.outcomes.on(event(session, KycWebhookEvent.FAILED, "document_expired")))
			.expectNext("REJECTED")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(this.verifications.updates("v-1"))
			.expectNextMatches((verification) -> verification.reason().equals("document_expired"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void outcomeNeverChangesOnceKnown() {
		KycSession session = session();
		this.verifications.started("v-1", session);
		this.outcomes.on(event(session, KycWebhookEvent.COMPLETED, null));
		this.outcomes.on(event(session, KycWebhookEvent.FAILED, "document_expired"));
		assertThat(this.verifications.find("v-1")).get()
			.extracting(Verification::status, Verification::reason)
			.containsExactly("APPROVED", null);
	}

	@Test
	void reasonThatIsNotACodeIsNotShown() {
		KycSession session = session();
		this.verifications.started("v-1", session);
		this.outcomes.on(event(session, KycWebhookEvent.FAILED, "Name Ivan Petrov does not match"));
		assertThat(this.verifications.find("v-1")).get()
			.extracting(Verification::status, Verification::reason)
			.containsExactly("REJECTED", "unspecified");
	}

	@Test
	void webhookOfAnotherApplicationsSessionChangesNothing() {
		KycSession session = session();
		this.verifications.started("v-1", session);
		assertThat(this.verifications.finished(UUID.randomUUID().toString(), Verification.APPROVED, null)).isFalse();
		this.outcomes.on(event(session(), KycWebhookEvent.COMPLETED, null));
		assertThat(this.verifications.find("v-1")).get().extracting(Verification::status).isEqualTo("NOT_STARTED");
	}

	private static KycSession session() {
		UUID id = UUID.randomUUID();
		return new KycSession(id, null, null, "customer-1", null, null, KycStatus.NOT_STARTED,
				URI.create("http://127.0.0.1:9/verify/" + id), null, null, Instant.now());
	}

	private static KycWebhookEvent event(KycSession session, String type, @Nullable String reason) {
		KycWebhookSession webhookSession = new KycWebhookSession(session.id().toString(), null, null, null, null, null,
				null, null, null, reason, null);
		return new KycWebhookEvent("evt_" + UUID.randomUUID(), type, Instant.now(), "{}", null, webhookSession);
	}

}
