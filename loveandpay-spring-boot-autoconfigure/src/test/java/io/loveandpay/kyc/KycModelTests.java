package io.loveandpay.kyc;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.loveandpay.client.LoveandpayApiError;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the KYC request and response types.
 */
class KycModelTests {

	private static final KycVerification VERIFICATION = new KycVerification("Иван", "Петров", "Сергеевич",
			"Петров Иван Сергеевич", LocalDate.of(1990, 5, 14), "passport", "****8831", "RUS", LocalDate.of(2015, 6, 1),
			LocalDate.of(2030, 6, 1), 0.97, 0.99, Instant.parse("2024-01-23T12:41:07.123Z"));

	private static final KycSession SESSION = new KycSession(Fixtures.APPROVED_ID, "verification-550e8400", null,
			"customer-42", "ivan.petrov@example.com", "+79161234567", KycStatus.APPROVED,
			URI.create("https://kyc.loveandpay.io/verify/x"), VERIFICATION, null,
			Instant.parse("2024-01-23T12:34:56Z"));

	@Test
	void statusOfDocumentedValueIsTheConstant() {
		assertThat(KycStatus.of("APPROVED")).isSameAs(KycStatus.APPROVED);
		assertThat(KycStatus.of("IN_PROGRESS").isKnown()).isTrue();
		assertThat(KycStatus.NOT_STARTED.value()).isEqualTo("NOT_STARTED");
	}

	@Test
	void statusOfUndocumentedValueKeepsItAndIsUnknown() {
		KycStatus rejected = KycStatus.of("REJECTED");
		assertThat(rejected.value()).isEqualTo("REJECTED");
		assertThat(rejected.isKnown()).isFalse();
		assertThat(rejected).isEqualTo(KycStatus.of("REJECTED")).hasSameHashCodeAs(KycStatus.of("REJECTED"));
		assertThat(rejected).isNotEqualTo(KycStatus.APPROVED);
		assertThat(rejected).hasToString("REJECTED");
	}

	@Test
	void statusOfBlankIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KycStatus.of(" "));
	}

	@Test
	void languageValuesAreLowerCase() {
		assertThat(List.of(KycLanguage.values())).extracting(KycLanguage::value).containsExactly("ru", "en", "kk");
	}

	@Test
	void queryDefaultsToFiftyFromTheStart() {
		KycSessionQuery query = KycSessionQuery.all();
		assertThat(query.limit()).isEqualTo(50);
		assertThat(query.offset()).isZero();
		assertThat(query.status()).isNull();
	}

	@Test
	void queryRefusesOutOfRangeValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> KycSessionQuery.builder().limit(0).build())
			.withMessageContaining("limit");
		assertThatIllegalArgumentException().isThrownBy(() -> KycSessionQuery.builder().limit(101).build())
			.withMessageContaining("100");
		assertThatIllegalArgumentException().isThrownBy(() -> KycSessionQuery.builder().offset(-1).build())
			.withMessageContaining("offset");
		assertThat(KycSessionQuery.builder().limit(100).offset(0).build().limit()).isEqualTo(100);
	}

	@Test
	void queryToBuilderKeepsItsValues() {
		KycSessionQuery query = KycSessionQuery.builder().limit(7).offset(3).status(KycStatus.APPROVED).build();
		KycSessionQuery copy = query.toBuilder().offset(10).build();
		assertThat(copy.limit()).isEqualTo(7);
		assertThat(copy.offset()).isEqualTo(10);
		assertThat(copy.status()).isEqualTo(KycStatus.APPROVED);
	}

	@Test
	void createRequestRefusesInvalidValuesWithoutQuotingThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateKycSessionRequest.builder().customerEmail("ivan.petrov").build())
			.withMessageContaining("customerEmail")
			.withMessageNotContaining("ivan.petrov");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateKycSessionRequest.builder().customerPhone("89161234567").build())
			.withMessageContaining("customerPhone")
			.withMessageNotContaining("9161234567");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateKycSessionRequest.builder().customerId("a\r\nx-injected: 1").build())
			.withMessageContaining("customerId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateKycSessionRequest.builder().customerId(" ").build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateKycSessionRequest.builder().callbackUrl(URI.create("/relative")).build())
			.withMessageContaining("callbackUrl");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateKycSessionRequest.builder().callbackUrl(URI.create("ftp://example.com/x")).build());
	}

	@Test
	void createRequestSendsOnlyTheSetFields() {
		UUID invoiceId = UUID.randomUUID();
		CreateKycSessionRequest request = CreateKycSessionRequest.builder()
			.invoiceId(invoiceId)
			.language(KycLanguage.EN)
			.build();
		assertThat(request.toJson()).containsExactly(java.util.Map.entry("invoiceId", invoiceId.toString()),
				java.util.Map.entry("language", "en"));
	}

	@Test
	void sessionRequiresIdStatusAndCreationTime() {
		assertThatNullPointerException().isThrownBy(() -> new KycSession(null, null, null, null, null, null,
				KycStatus.APPROVED, null, null, null, Instant.now()));
		assertThatNullPointerException().isThrownBy(() -> new KycSession(UUID.randomUUID(), null, null, null, null,
				null, null, null, null, null, Instant.now()));
		assertThatNullPointerException().isThrownBy(() -> new KycSession(UUID.randomUUID(), null, null, null, null,
				null, KycStatus.APPROVED, null, null, null, null));
	}

	@Test
	void pageHasNextWhileItemsRemain() {
		assertThat(new KycSessionPage(List.of(SESSION), 3, 1, 1, 3).hasNext()).isTrue();
		assertThat(new KycSessionPage(List.of(SESSION), 3, 1, 2, 3).hasNext()).isFalse();
		assertThat(new KycSessionPage(List.of(), 3, 1, 1, 3).hasNext()).isFalse();
	}

	@Test
	void toStringEscapesControlCharactersInProviderAndCallerText() {
		String forged = "APPROVED\r\n2026-12-02 INFO granted\u0085\u2028\u001b[31m";
		KycStatus status = KycStatus.of(forged);
		KycVerification verification = new KycVerification(null, null, null, null, null, "passport\nX", null, "RUS\r",
				null, null, null, null, null);
		KycSession session = new KycSession(Fixtures.APPROVED_ID, "verification-\n1", null, null, null, null, status,
				null, verification, null, Instant.EPOCH);
		KycSessionQuery query = KycSessionQuery.builder().status(status).build();
		for (Object value : List.of(status, session, verification, query)) {
			assertThat(value.toString()).as(value.getClass().getSimpleName())
				.doesNotContain("\r", "\n", "\u0085", "\u2028", "\u001b");
		}
		assertThat(status.toString()).isEqualTo("APPROVED\\r\\n2026-12-02 INFO granted\\u0085\\u2028\\u001b[31m");
		assertThat(status.value()).isEqualTo(forged);
		assertThat(query.toString()).contains("status=APPROVED\\r\\n");
		assertThat(session.toString()).contains("sessionId=verification-\\n1");
		assertThat(verification.toString()).contains("documentType=passport\\nX", "documentCountry=RUS\\r");
	}

	@Test
	void toStringOfEveryTypeHoldingPersonalDataShowsNone() {
		CreateKycSessionRequest request = CreateKycSessionRequest.builder()
			.customerEmail("ivan.petrov@example.com")
			.customerPhone("+79161234567")
			.customerId("Петров")
			.callbackUrl(URI.create("https://shop.example.com/done?name=Иван"))
			.build();
		List<Object> values = List.of(SESSION, VERIFICATION, request, new KycSessionPage(List.of(SESSION), 1, 50, 0, 1),
				new LoveandpayNotFoundException("kyc.sessions.get", new LoveandpayApiError(404, "NOT_FOUND",
						"No session for ivan.petrov@example.com", null, "r1")));
		for (Object value : values) {
			String text = value.toString();
			for (String canary : Fixtures.PERSONAL_DATA) {
				assertThat(text).as(value.getClass().getSimpleName()).doesNotContain(canary);
			}
		}
		assertThat(SESSION.toString()).contains(Fixtures.APPROVED_ID.toString(), "APPROVED");
		assertThat(request.toString()).contains("customerEmail=<set>", "customerPhone=<set>");
	}

}
