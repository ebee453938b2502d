package io.loveandpay.kyc;

import java.time.Instant;
import java.time.LocalDate;

import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.webhook.LoveandpayWebhookEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KycWebhookEvent}, {@link KycWebhookSession} and
 * {@link KycWebhookVerifiedData}.
 */
class KycWebhookEventTests {

	private static final KycWebhookVerifiedData DATA = new KycWebhookVerifiedData("Иван", "Петров", "Сергеевич",
			"Петров Иван Сергеевич", LocalDate.of(1990, 5, 14), "RU", "passport", "****8831", "RUS");

	private static final KycWebhookSession SESSION = new KycWebhookSession("kyc_abc123", null, "completed", "basic",
			"user_42", "ivan.petrov@example.com", DATA, Instant.parse("2025-11-24T15:59:58Z"), null, null, null);

	@Test
	void isCompletedInDottedAndUpperSnakeForm() {
		assertThat(event("kyc.completed").isCompleted()).isTrue();
		assertThat(event("KYC_COMPLETED").isCompleted()).isTrue();
		assertThat(event(" Kyc.Completed ").isCompleted()).isTrue();
		assertThat(event("KYC_COMPLETED").isFailed()).isFalse();
	}

	@Test
	void isFailedInDottedAndUpperSnakeForm() {
		assertThat(event("kyc.failed").isFailed()).isTrue();
		assertThat(event("KYC_FAILED").isFailed()).isTrue();
		assertThat(event("kyc.failed").isCompleted()).isFalse();
	}

	@Test
	void isTypeComparesNormalisedForms() {
		assertThat(event("KYC_COMPLETED").isType("kyc.completed")).isTrue();
		assertThat(event("kyc.completed").isType("KYC_COMPLETED")).isTrue();
		assertThat(event("kyc.completed").isType("kyc.completed.v2")).isFalse();
		assertThat(LoveandpayWebhookEvent.normalizedType("INVOICE_PAID")).isEqualTo("invoice.paid");
	}

	@Test
	void isAWebhookEventForListenersOfTheGeneralType() {
		assertThat(event("kyc.completed")).isInstanceOf(LoveandpayWebhookEvent.class);
	}

	@Test
	void toStringOfEventSessionAndVerifiedDataHoldsNoPersonalData() {
		KycWebhookEvent event = event("kyc.completed");
		for (Object value : new Object[] { event, SESSION, DATA }) {
			String text = value.toString();
			assertThat(text).doesNotContain("Иван", "Петров", "Сергеевич", "1990-05-14", "1990", "****8831", "8831",
					"ivan.petrov@example.com", "user_42");
			assertThat(Fixtures.PERSONAL_DATA).noneMatch(text::contains);
		}
		assertThat(event).hasToString("KycWebhookEvent[eventId=evt_1, type=kyc.completed, session=kyc_abc123]");
		assertThat(SESSION).hasToString("KycWebhookSession[id=kyc_abc123, status=completed]");
		assertThat(DATA.toString()).contains("passport");
	}

	private static KycWebhookEvent event(String type) {
		return new KycWebhookEvent("evt_1", type, Instant.parse("2025-11-24T16:00:00Z"), "{}", "whd_1", SESSION);
	}

}
