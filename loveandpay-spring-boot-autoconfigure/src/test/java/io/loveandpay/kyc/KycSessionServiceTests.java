package io.loveandpay.kyc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCallPolicy;
import io.loveandpay.client.internal.LoveandpayClockSkew;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KycSessionService} against a real server.
 */
class KycSessionServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private final KycSessionService service = KycSessionService
		.create(TestClients.apiClient(server.baseUrl(), Clock.systemUTC()));

	private static List<LoggedRequest> received() {
		return Received.requests(server);
	}

	@Test
	void getSessionDecodesTheDocumentedSessionWithCyrillicVerification() {
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID)
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		KycSession session = this.service.getSession(Fixtures.APPROVED_ID).block(WAIT);
		assertThat(session.id()).isEqualTo(Fixtures.APPROVED_ID);
		assertThat(session.sessionId()).isEqualTo("verification-550e8400");
		assertThat(session.invoiceId()).isEqualTo(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
		assertThat(session.customerId()).isEqualTo("customer-42");
		assertThat(session.customerEmail()).isEqualTo("ivan.petrov@example.com");
		assertThat(session.customerPhone()).isEqualTo("+79161234567");
		assertThat(session.status()).isEqualTo(KycStatus.APPROVED);
		assertThat(session.verificationUrl())
			.isEqualTo(URI.create("https://kyc.loveandpay.io/verify/550e8400-e29b-41d4-a716-446655440000"));
		assertThat(session.expiresAt()).isEqualTo(Instant.parse("2024-01-23T13:04:56.789Z"));
		assertThat(session.createdAt()).isEqualTo(Instant.parse("2024-01-23T12:34:56.789Z"));
		KycVerification verification = session.verification();
		assertThat(verification.firstName()).isEqualTo("Иван");
		assertThat(verification.lastName()).isEqualTo("Петров");
		assertThat(verification.middleName()).isEqualTo("Сергеевич");
		assertThat(verification.fullName()).isEqualTo("Петров Иван Сергеевич");
		assertThat(verification.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 14));
		assertThat(verification.documentType()).isEqualTo("passport");
		assertThat(verification.documentNumber()).isEqualTo("****8831");
		assertThat(verification.documentCountry()).isEqualTo("RUS");
		assertThat(verification.documentIssuedAt()).isEqualTo(LocalDate.of(2015, 6, 1));
		assertThat(verification.documentExpiresAt()).isEqualTo(LocalDate.of(2030, 6, 1));
		assertThat(verification.faceMatchScore()).isEqualTo(0.97);
		assertThat(verification.livenessScore()).isEqualTo(0.99);
		assertThat(verification.verifiedAt()).isEqualTo(Instant.parse("2024-01-23T12:41:07.123Z"));
	}

	@Test
	void getSessionSendsOneSignedGetWithoutBody() {
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID)
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		this.service.getSession(Fixtures.APPROVED_ID).block(WAIT);
		List<LoggedRequest> requests = received();
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).getHeader("Accept")).isEqualTo("application/json");
		assertThat(requests.get(0).getBody()).isEmpty();
		SignatureCheck.assertSigned(requests.get(0), TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void getSessionDecodesUnknownStatusAndNullVerification() {
		String json = Fixtures.resource("session-created.json").replace("NOT_STARTED", "MANUAL_REVIEW");
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.id(1))).willReturn(okJson(json)));
		KycSession session = this.service.getSession(Fixtures.id(1)).block(WAIT);
		assertThat(session.status().value()).isEqualTo("MANUAL_REVIEW");
		assertThat(session.status().isKnown()).isFalse();
		assertThat(session.status()).isEqualTo(KycStatus.of("MANUAL_REVIEW"));
		assertThat(session.verification()).isNull();
		assertThat(session.invoiceId()).isNull();
	}

	@Test
	void findSessionWhenNotFoundIsEmpty() {
		server.stubFor(
				get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.id(2))).willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"Not found\"}")));
		StepVerifier.create(this.service.findSession(Fixtures.id(2))).expectComplete().verify(WAIT);
	}

	@Test
	void findSessionWhenFoundEmitsIt() {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID))
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		StepVerifier.create(this.service.findSession(Fixtures.APPROVED_ID))
			.assertNext((session) -> assertThat(session.id()).isEqualTo(Fixtures.APPROVED_ID))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void createSessionSendsExactlyTheSetFieldsSignedAsTheSpecVector() {
		server.stubFor(post("/api/v2/kyc/sessions").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.resource("session-created.json"))));
		Clock specClock = Clock.fixed(Instant.ofEpochMilli(1706012345678L), ZoneOffset.UTC);
		LoveandpayApiClient client = LoveandpayApiClient
			.builder(TestClients.webClientBuilder(server.baseUrl())
				.filter(new LoveandpaySigningFilter(TestClients.API_KEY, new HmacSha256RequestSigner("sk_test_xyz"),
						specClock))
				.build())
			.clockSkew(new LoveandpayClockSkew(specClock))
			.build();
		KycSession session = KycSessionService.create(client)
			.createSession(CreateKycSessionRequest.builder()
				.customerEmail("client@example.com")
				.language(KycLanguage.RU)
				.build())
			.block(WAIT);
		assertThat(session.status()).isEqualTo(KycStatus.NOT_STARTED);
		assertThat(session.verificationUrl()).isNotNull();
		LoggedRequest request = received().get(0);
		assertThat(request.getBodyAsString())
			.isEqualTo("{\"customerEmail\":\"client@example.com\",\"language\":\"ru\"}");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader("x-signature"))
			.isEqualTo("4cc5256d85586b678971c86d0f4bd216cbdfc61214d317283a5d6808a1e54ad1");
	}

	@Test
	void createSessionSendsEveryFieldWithCyrillicText() {
		server.stubFor(post("/api/v2/kyc/sessions").willReturn(okJson(Fixtures.resource("session-created.json"))));
		UUID invoiceId = UUID.randomUUID();
		this.service
			.createSession(CreateKycSessionRequest.builder()
				.invoiceId(invoiceId)
				.customerEmail("anna@example.com")
				.customerPhone("+77001234567")
				.customerId("клиент-7")
				.callbackUrl(URI.create("https://shop.example.com/kyc/done"))
				.language(KycLanguage.KK)
				.build())
			.block(WAIT);
		LoggedRequest request = received().get(0);
		assertThat(request.getBodyAsString()).isEqualTo("{\"invoiceId\":\"" + invoiceId
				+ "\",\"customerEmail\":\"anna@example.com\",\"customerPhone\":\"+77001234567\","
				+ "\"customerId\":\"клиент-7\",\"callbackUrl\":\"https://shop.example.com/kyc/done\",\"language\":\"kk\"}");
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
		assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
	}

	@Test
	void createSessionWithNoFieldsSendsAnEmptyObject() {
		server.stubFor(post("/api/v2/kyc/sessions").willReturn(okJson(Fixtures.resource("session-created.json"))));
		this.service.createSession(CreateKycSessionRequest.builder().build()).block(WAIT);
		assertThat(received().get(0).getBodyAsString()).isEqualTo("{}");
	}

	@Test
	void listSessionsSendsTheQueryAndDecodesThePage() {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions"))
			.willReturn(okJson(Fixtures.page(List.of(Fixtures.id(1), Fixtures.id(2)), 12, 2, 10))));
		KycSessionPage page = this.service
			.listSessions(KycSessionQuery.builder().limit(2).offset(10).status(KycStatus.APPROVED).build())
			.block(WAIT);
		assertThat(page.items()).extracting(KycSession::id).containsExactly(Fixtures.id(1), Fixtures.id(2));
		assertThat(page.items().get(0).verificationUrl()).isNull();
		assertThat(page.items().get(0).verification().documentNumber()).isNull();
		assertThat(page.total()).isEqualTo(12);
		assertThat(page.limit()).isEqualTo(2);
		assertThat(page.offset()).isEqualTo(10);
		assertThat(page.pages()).isEqualTo(6);
		assertThat(page.hasNext()).isFalse();
		server.verify(1,
				getRequestedFor(urlPathEqualTo("/api/v2/kyc/sessions")).withQueryParam("limit", equalTo("2"))
					.withQueryParam("offset", equalTo("10"))
					.withQueryParam("status", equalTo("APPROVED")));
		SignatureCheck.assertSigned(received().get(0), TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void listSessionsEncodesAnUndocumentedStatusValue() {
		server.stubFor(
				get(urlPathEqualTo("/api/v2/kyc/sessions")).willReturn(okJson(Fixtures.page(List.of(), 0, 50, 0))));
		this.service.listSessions(KycSessionQuery.builder().status(KycStatus.of("A&B=C")).build()).block(WAIT);
		LoggedRequest request = received().get(0);
		assertThat(request.getUrl()).contains("status=A%26B%3DC");
		assertThat(request.queryParameter("status").firstValue()).isEqualTo("A&B=C");
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void streamSessionsWalksEveryPageWithoutRepeatingSessionsShiftedByNewOnes() {
		stubPage(0, List.of(Fixtures.id(1), Fixtures.id(2), Fixtures.id(3)), 7);
		// Two sessions were created meanwhile: the second page repeats 2 and 3.
		stubPage(3, List.of(Fixtures.id(2), Fixtures.id(3), Fixtures.id(4)), 9);
		stubPage(6, List.of(Fixtures.id(5), Fixtures.id(6), Fixtures.id(7)), 9);
		List<UUID> ids = this.service.streamSessions(KycSessionQuery.builder().limit(3).build())
			.map(KycSession::id)
			.collectList()
			.block(WAIT);
		assertThat(ids).containsExactly(Fixtures.id(1), Fixtures.id(2), Fixtures.id(3), Fixtures.id(4), Fixtures.id(5),
				Fixtures.id(6), Fixtures.id(7));
		assertThat(received()).extracting((request) -> request.queryParameter("offset").firstValue())
			.containsExactly("0", "3", "6");
	}

	@Test
	void streamSessionsStartsAtTheQueryOffsetAndStopsOnAnEmptyPage() {
		stubPage(5, List.of(Fixtures.id(6)), 100);
		stubPage(6, List.of(), 100);
		List<UUID> ids = this.service.streamSessions(KycSessionQuery.builder().limit(1).offset(5).build())
			.map(KycSession::id)
			.collectList()
			.block(WAIT);
		assertThat(ids).containsExactly(Fixtures.id(6));
		assertThat(received()).hasSize(2);
	}

	@Test
	void streamSessionsReadsOnlyThePagesTheSubscriberAsksFor() {
		stubPage(0, List.of(Fixtures.id(1), Fixtures.id(2), Fixtures.id(3)), 9);
		stubPage(3, List.of(Fixtures.id(4), Fixtures.id(5), Fixtures.id(6)), 9);
		Flux<KycSession> sessions = this.service.streamSessions(KycSessionQuery.builder().limit(3).build());
		assertThat(received()).isEmpty();
		assertThat(sessions.take(2).collectList().block(WAIT)).hasSize(2);
		assertThat(received()).hasSize(1);
		server.resetRequests();
		assertThat(sessions.take(4).collectList().block(WAIT)).hasSize(4);
		assertThat(received()).hasSize(2);
	}

	@Test
	void streamSessionsWithBackpressureRequestsNoPageAhead() {
		stubPage(0, List.of(Fixtures.id(1), Fixtures.id(2)), 4);
		stubPage(2, List.of(Fixtures.id(3), Fixtures.id(4)), 4);
		StepVerifier.create(this.service.streamSessions(KycSessionQuery.builder().limit(2).build()), 2)
			.expectNextCount(2)
			.then(() -> Mono.delay(Duration.ofMillis(300)).block())
			.then(() -> assertThat(received()).as("no page read ahead of the subscriber").hasSize(1))
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(received()).hasSize(2))
			.thenRequest(1)
			.expectNextCount(1)
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void streamSessionsWhenAPageRepeatsTheSessionsAlreadyListedEndsWithAProtocolError() {
		List<UUID> ids = List.of(Fixtures.id(1), Fixtures.id(2));
		for (int offset = 0; offset <= 20; offset += 2) {
			stubPage(offset, ids, Integer.MAX_VALUE);
		}
		StepVerifier.create(this.service.streamSessions(KycSessionQuery.builder().limit(2).build()))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LoveandpayProtocolException.class)
				.hasMessageContaining("already listed"))
			.verify(WAIT);
		assertThat(received()).hasSize(2);
	}

	@Test
	void streamSessionsWhenTheAnswerIsForAnotherOffsetEndsWithAProtocolError() {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions"))
			.willReturn(okJson(Fixtures.page(List.of(Fixtures.id(1), Fixtures.id(2)), Integer.MAX_VALUE, 2, 0))));
		StepVerifier.create(this.service.streamSessions(KycSessionQuery.builder().limit(2).build()))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LoveandpayProtocolException.class)
				.hasMessageContaining("'pagination.offset'"))
			.verify(WAIT);
		assertThat(received()).hasSize(2);
	}

	@Test
	void streamSessionsThatPassesTheFirstTotalByTheMarginEndsWithAProtocolError() {
		// The first page announces 4 sessions; every later page announces more and more.
		for (int offset = 0; offset <= 40; offset += 2) {
			stubPage(offset, List.of(Fixtures.id(offset + 1), Fixtures.id(offset + 2)),
					(offset == 0) ? 4 : offset + 10);
		}
		StepVerifier.create(this.service.streamSessions(KycSessionQuery.builder().limit(2).build()))
			.expectNextCount(8)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LoveandpayProtocolException.class)
				.hasMessageContaining("'pagination.total'"))
			.verify(WAIT);
		assertThat(received()).extracting((request) -> request.queryParameter("offset").firstValue())
			.containsExactly("0", "2", "4", "6");
	}

	@Test
	void streamSessionsLetsSessionsCreatedDuringTheWalkExtendItWithinTheMargin() {
		stubPage(0, List.of(Fixtures.id(1), Fixtures.id(2)), 4);
		stubPage(2, List.of(Fixtures.id(3), Fixtures.id(4)), 6);
		stubPage(4, List.of(Fixtures.id(5), Fixtures.id(6)), 6);
		List<UUID> ids = this.service.streamSessions(KycSessionQuery.builder().limit(2).build())
			.map(KycSession::id)
			.collectList()
			.block(WAIT);
		assertThat(ids).hasSize(6);
	}

	@Test
	void undocumentedFieldsAreCountedUnderThePublicModelNeverAnInternalType() {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID))
			.willReturn(okJson(Fixtures.resource("session-approved.json")
				.replace("\"success\": true", "\"success\": true, \"meta\": {\"region\": \"eu\"}")
				.replace("\"documentType\"", "\"riskLevel\": \"low\", \"documentType\""))));
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions"))
			.willReturn(okJson(Fixtures.page(List.of(Fixtures.id(1)), 1, 50, 0)
				.replace("\"pages\":", "\"hasMore\":false,\"pages\":"))));
		List<String> fields = new CopyOnWriteArrayList<>();
		LoveandpayApiClient client = LoveandpayApiClient
			.builder(TestClients.webClientBuilder(server.baseUrl())
				.filter(TestClients.signingFilter(Clock.systemUTC()))
				.build())
			.listener(new LoveandpayClientListener() {

				@Override
				public void undocumentedValue(String field) {
					fields.add(field);
				}

			})
			.build();
		KycSessionService service = KycSessionService.create(client);
		service.getSession(Fixtures.APPROVED_ID).block(WAIT);
		service.listSessions(KycSessionQuery.all()).block(WAIT);
		assertThat(fields).containsExactlyInAnyOrder("answer.meta", "KycSession.someFutureField",
				"KycVerification.riskLevel", "KycSessionPage.hasMore");
	}

	private static void stubPage(int offset, List<UUID> ids, int total) {
		server.stubFor(
				get(urlPathEqualTo("/api/v2/kyc/sessions")).withQueryParam("offset", equalTo(Integer.toString(offset)))
					.willReturn(okJson(Fixtures.page(ids, total, Math.max(ids.size(), 1), offset))));
	}

}
