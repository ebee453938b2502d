package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.kyc.KycWebhookSession;
import io.loveandpay.kyc.KycWebhookVerifiedData;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.WebhookFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.loveandpay.testsupport.WebhookFixtures.CREATED_AT;
import static io.loveandpay.testsupport.WebhookFixtures.completedSession;
import static io.loveandpay.testsupport.WebhookFixtures.failedSession;
import static io.loveandpay.testsupport.WebhookFixtures.invoiceEnvelope;
import static io.loveandpay.testsupport.WebhookFixtures.kycEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebhookEvents}: both envelopes, both forms of type names, and bodies
 * of any other shape.
 */
class WebhookEventsTests {

	private static final String ISO = "\"2025-11-24T16:00:00Z\"";

	private final WebhookEvents events = new WebhookEvents(JsonMapper.builder().build());

	@Test
	void readWhenKycCompletedInKycEnvelopeGivesTypedSession() {
		String json = kycEnvelope("evt_kyc_1", "kyc.completed", ISO, completedSession());
		LoveandpayWebhookEvent event = read(json, "whd_1");
		assertThat(event).isInstanceOf(KycWebhookEvent.class);
		KycWebhookEvent kyc = (KycWebhookEvent) event;
		assertThat(kyc.eventId()).isEqualTo("evt_kyc_1");
		assertThat(kyc.type()).isEqualTo("kyc.completed");
		assertThat(kyc.occurredAt()).isEqualTo(CREATED_AT);
		assertThat(kyc.deliveryId()).isEqualTo("whd_1");
		assertThat(kyc.rawJson()).isEqualTo(json);
		assertThat(kyc.isCompleted()).isTrue();
		assertThat(kyc.isFailed()).isFalse();
		KycWebhookSession session = kyc.session();
		assertThat(session.id()).isEqualTo("kyc_abc123");
		assertThat(session.sessionId()).isNull();
		assertThat(session.status()).isEqualTo("completed");
		assertThat(session.level()).isEqualTo("basic");
		assertThat(session.customerId()).isEqualTo("user_42");
		assertThat(session.customerEmail()).isEqualTo("ivan.petrov@example.com");
		assertThat(session.completedAt()).isEqualTo(Instant.parse("2025-11-24T15:59:58Z"));
		assertThat(session.failedAt()).isNull();
		assertThat(session.failureReason()).isNull();
		assertThat(session.failureDetails()).isNull();
		assertThat(session.verifiedData()).isEqualTo(new KycWebhookVerifiedData("Иван", "Петров", null, null,
				LocalDate.of(1990, 5, 14), "RU", "passport", "****8831", null));
	}

	@Test
	void readWhenKycFailedInKycEnvelopeGivesReasonAndDetails() {
		KycWebhookEvent kyc = (KycWebhookEvent) read(kycEnvelope("evt_kyc_2", "kyc.failed", ISO, failedSession()),
				null);
		assertThat(kyc.isFailed()).isTrue();
		assertThat(kyc.isCompleted()).isFalse();
		assertThat(kyc.deliveryId()).isNull();
		KycWebhookSession session = kyc.session();
		assertThat(session.status()).isEqualTo("failed");
		assertThat(session.failedAt()).isEqualTo(Instant.parse("2025-11-24T15:59:59Z"));
		assertThat(session.failureReason()).isEqualTo("document_expired");
		assertThat(session.failureDetails()).isEqualTo("{\"expiredAt\":\"2024-01-01\"}");
		assertThat(session.completedAt()).isNull();
		assertThat(session.verifiedData()).isNull();
	}

	@Test
	void readWhenKycCompletedInInvoiceEnvelopeWithSessionInDataGivesTypedSession() {
		String json = invoiceEnvelope("evt_inv_1", "KYC_COMPLETED", "1764000000000",
				"{\"session\":" + completedSession() + "}");
		KycWebhookEvent kyc = (KycWebhookEvent) read(json, null);
		assertThat(kyc.eventId()).isEqualTo("evt_inv_1");
		assertThat(kyc.type()).isEqualTo("KYC_COMPLETED");
		assertThat(kyc.isCompleted()).isTrue();
		assertThat(kyc.isType("kyc.completed")).isTrue();
		assertThat(kyc.isType("KYC_COMPLETED")).isTrue();
		assertThat(kyc.occurredAt()).isEqualTo(Instant.ofEpochMilli(1764000000000L));
		assertThat(kyc.session().id()).isEqualTo("kyc_abc123");
		assertThat(kyc.session().verifiedData().documentNumber()).isEqualTo("****8831");
		assertThat(kyc.rawJson()).isEqualTo(json);
	}

	@Test
	void readWhenKycFailedInInvoiceEnvelopeWithSessionAsDataGivesTypedSession() {
		String json = invoiceEnvelope("evt_inv_2", "KYC_FAILED", "1764000000000", failedSession());
		KycWebhookEvent kyc = (KycWebhookEvent) read(json, null);
		assertThat(kyc.isFailed()).isTrue();
		assertThat(kyc.isType("kyc.failed")).isTrue();
		assertThat(kyc.session().id()).isEqualTo("kyc_abc123");
		assertThat(kyc.session().failureReason()).isEqualTo("document_expired");
		assertThat(kyc.session().customerEmail()).isEqualTo("ivan.petrov@example.com");
	}

	@Test
	void readWhenKycTypeInUpperSnakeInKycEnvelopeIsCompleted() {
		KycWebhookEvent kyc = (KycWebhookEvent) read(kycEnvelope("evt_3", "KYC_COMPLETED", ISO, completedSession()),
				null);
		assertThat(kyc.isCompleted()).isTrue();
		assertThat(kyc.isType(KycWebhookEvent.COMPLETED)).isTrue();
		assertThat(kyc.isType("kyc.failed")).isFalse();
	}

	@Test
	void readWhenKycTypeButNoSessionGivesPlainEvent() {
		LoveandpayWebhookEvent event = read("{\"id\":\"evt_4\",\"type\":\"kyc.completed\",\"data\":{}}", null);
		assertThat(event.getClass()).isEqualTo(LoveandpayWebhookEvent.class);
		assertThat(event.isType("kyc.completed")).isTrue();
		assertThat(event.eventId()).isEqualTo("evt_4");
	}

	@Test
	void readWhenUnknownTypeGivesPlainEvent() {
		String json = invoiceEnvelope("evt_inv_3", "invoice.paid", "1764000000000",
				"{\"invoiceId\":\"inv_1\",\"amount\":100}");
		LoveandpayWebhookEvent event = read(json, "whd_2");
		assertThat(event.getClass()).isEqualTo(LoveandpayWebhookEvent.class);
		assertThat(event.eventId()).isEqualTo("evt_inv_3");
		assertThat(event.type()).isEqualTo("invoice.paid");
		assertThat(event.isType("INVOICE_PAID")).isTrue();
		assertThat(event.isType("invoice.refunded")).isFalse();
		assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochMilli(1764000000000L));
		assertThat(event.rawJson()).isEqualTo(json);
		assertThat(event.deliveryId()).isEqualTo("whd_2");
	}

	@Test
	void readWhenUpperSnakeUnknownTypeMatchesDottedForm() {
		LoveandpayWebhookEvent event = read("{\"id\":\"evt_5\",\"event\":\"INVOICE_PAID\"}", null);
		assertThat(event.isType("invoice.paid")).isTrue();
		assertThat(event.occurredAt()).isNull();
	}

	@Test
	void readWhenNotJsonGivesPlainEventWithHashedIdAndTheBodyAsRaw() {
		String body = "not json at all, Иван";
		LoveandpayWebhookEvent event = read(body, "whd_3");
		assertThat(event.getClass()).isEqualTo(LoveandpayWebhookEvent.class);
		assertThat(event.eventId()).isEqualTo(hashedId(body));
		assertThat(event.rawJson()).isEqualTo(body);
		assertThat(event.type()).isNull();
		assertThat(event.occurredAt()).isNull();
		assertThat(event.isType("kyc.completed")).isFalse();
		assertThat(event.deliveryId()).isEqualTo("whd_3");
	}

	@Test
	void readWhenEmptyOrTruncatedJsonGivesHashedId() {
		assertThat(read("", null).eventId()).isEqualTo(hashedId(""));
		String truncated = "{\"id\":\"evt_6\",\"type\":\"kyc.comp";
		assertThat(read(truncated, null).eventId()).isEqualTo(hashedId(truncated));
	}

	@Test
	void readWhenJsonArrayGivesHashedId() {
		String body = "[{\"id\":\"evt_7\",\"type\":\"kyc.completed\"}]";
		LoveandpayWebhookEvent event = read(body, null);
		assertThat(event.eventId()).isEqualTo(hashedId(body));
		assertThat(event.type()).isNull();
		assertThat(event.rawJson()).isEqualTo(body);
	}

	@Test
	void readWhenJsonWithoutIdGivesHashedIdAndReadsTheRest() {
		String body = "{\"type\":\"invoice.paid\",\"createdAt\":" + ISO + "}";
		LoveandpayWebhookEvent event = read(body, null);
		assertThat(event.eventId()).isEqualTo(hashedId(body));
		assertThat(event.type()).isEqualTo("invoice.paid");
		assertThat(event.occurredAt()).isEqualTo(CREATED_AT);
	}

	@Test
	void readWhenIdIsAnObjectBlankOrTooLongGivesHashedId() {
		for (String id : new String[] { "{\"a\":1}", "\"  \"", "\"" + "e".repeat(257) + "\"", "null" }) {
			String body = "{\"id\":" + id + ",\"type\":\"invoice.paid\"}";
			assertThat(read(body, null).eventId()).as(id).isEqualTo(hashedId(body));
		}
		String longest = "e".repeat(256);
		assertThat(read("{\"id\":\"" + longest + "\"}", null).eventId()).isEqualTo(longest);
	}

	@Test
	void readWhenTwoBodiesWithoutIdDifferGivesDifferentIds() {
		assertThat(read("{\"type\":\"invoice.paid\",\"n\":1}", null).eventId())
			.isNotEqualTo(read("{\"type\":\"invoice.paid\",\"n\":2}", null).eventId());
	}

	@Test
	void readWhenDateOfBirthMalformedLeavesItOutAndReadsTheRest() {
		String session = completedSession().replace("\"1990-05-14\"", "\"14.05.1990\"");
		KycWebhookEvent kyc = (KycWebhookEvent) read(kycEnvelope("evt_8", "kyc.completed", ISO, session), null);
		KycWebhookVerifiedData data = kyc.session().verifiedData();
		assertThat(data.dateOfBirth()).isNull();
		assertThat(data.firstName()).isEqualTo("Иван");
		assertThat(data.lastName()).isEqualTo("Петров");
		assertThat(data.documentNumber()).isEqualTo("****8831");
		assertThat(data.nationality()).isEqualTo("RU");
		assertThat(kyc.session().completedAt()).isEqualTo(Instant.parse("2025-11-24T15:59:58Z"));
	}

	@Test
	void readWhenVerifiedDataIsNotAnObjectLeavesItOut() {
		String session = "{\"id\":\"kyc_abc123\",\"status\":\"completed\",\"verifiedData\":\"Иван\"}";
		KycWebhookEvent kyc = (KycWebhookEvent) read(kycEnvelope("evt_9", "kyc.completed", ISO, session), null);
		assertThat(kyc.session().verifiedData()).isNull();
		assertThat(kyc.session().status()).isEqualTo("completed");
	}

	@Test
	void readTimeAsIsoString() {
		assertThat(occurredAt("\"2025-11-24T16:00:00Z\"")).isEqualTo(CREATED_AT);
		assertThat(occurredAt("\"2025-11-24T16:00:00.250Z\"")).isEqualTo(CREATED_AT.plusMillis(250));
		assertThat(occurredAt("\"2025-11-24T19:00:00+03:00\"")).isEqualTo(CREATED_AT);
	}

	@Test
	void readTimeAsEpochMillisecondsNumber() {
		assertThat(occurredAt("1764000000123")).isEqualTo(Instant.ofEpochMilli(1764000000123L));
	}

	@Test
	void readTimeAsEpochMillisecondsString() {
		assertThat(occurredAt("\"1764000000123\"")).isEqualTo(Instant.ofEpochMilli(1764000000123L));
	}

	@Test
	void readTimeAsEpochSeconds() {
		assertThat(occurredAt("1764000000")).isEqualTo(Instant.ofEpochSecond(1764000000L));
		assertThat(occurredAt("\"1764000000\"")).isEqualTo(Instant.ofEpochSecond(1764000000L));
	}

	@Test
	void readTimeInTimestampWhenNoCreatedAt() {
		LoveandpayWebhookEvent event = read(invoiceEnvelope("evt_10", "invoice.paid", "1764000000", "{}"), null);
		assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1764000000L));
	}

	@Test
	void readTimeWhenUnreadableLeavesItOut() {
		assertThat(occurredAt("\"yesterday\"")).isNull();
		assertThat(occurredAt("0")).isNull();
		assertThat(occurredAt("-5")).isNull();
		assertThat(occurredAt("true")).isNull();
		assertThat(occurredAt("{\"at\":1}")).isNull();
		assertThat(occurredAt("1764000000.5")).isNull();
		assertThat(occurredAt("null")).isNull();
	}

	@Test
	void readTimeWhenNumberBeyondLongLeavesItOutAndReadsTheRest() {
		LoveandpayWebhookEvent event = read(
				"{\"id\":\"evt_11\",\"type\":\"invoice.paid\",\"createdAt\":123456789012345678901234567890}", null);
		assertThat(event.occurredAt()).isNull();
		assertThat(event.eventId()).isEqualTo("evt_11");
		assertThat(occurredAt("\"123456789012345678901234567890\"")).isNull();
		assertThat(occurredAt("\"+99999999999-01-01T00:00:00Z\"")).isNull();
	}

	@Test
	void toStringOfKycEventSessionAndVerifiedDataHoldsNoPersonalData() {
		KycWebhookEvent kyc = (KycWebhookEvent) read(WebhookFixtures.kycCompleted("evt_12"), null);
		for (Object value : new Object[] { kyc, kyc.session(), kyc.session().verifiedData() }) {
			assertThat(value.toString()).doesNotContain("Иван", "Петров", "1990-05-14", "1990", "****8831", "8831",
					"ivan.petrov@example.com", "user_42");
			assertThat(Fixtures.PERSONAL_DATA).noneMatch(value.toString()::contains);
		}
		assertThat(kyc.toString()).contains("evt_12", "kyc.completed", "kyc_abc123");
		assertThat(kyc.session().verifiedData().toString()).contains("passport");
	}

	@Test
	void toStringOfPlainEventHoldsNoBody() {
		LoveandpayWebhookEvent event = read("{\"id\":\"evt_13\",\"type\":\"invoice.paid\",\"payer\":\"Иван\"}", null);
		assertThat(event).hasToString("LoveandpayWebhookEvent[eventId=evt_13, type=invoice.paid]");
	}

	private LoveandpayWebhookEvent read(String body, String deliveryId) {
		return this.events.read(body.getBytes(StandardCharsets.UTF_8), deliveryId);
	}

	private Instant occurredAt(String createdAt) {
		return read("{\"id\":\"evt_t\",\"type\":\"invoice.paid\",\"createdAt\":" + createdAt + "}", null).occurredAt();
	}

	private static String hashedId(String body) {
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
