package io.loveandpay.kyc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayInvalidRequestException;
import io.loveandpay.client.LoveandpayObservationContext;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.client.LoveandpayTransportException;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCallPolicy;
import io.loveandpay.client.internal.LoveandpayClockSkew;
import io.loveandpay.client.quota.LocalRequestQuota;
import io.loveandpay.client.quota.QuotaLimit;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.TestClients;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link KycSessionService} recovers a create whose outcome is unknown,
 * against a real server: what it lists and reads, what it returns, and when it leaves the
 * original failure alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class CreateRecoveryTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final String SESSIONS = "/api/v2/kyc/sessions";

	private static final String CUSTOMER = "customer-7";

	private static final UUID CREATED = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

	private static final UUID OTHER = UUID.fromString("11111111-2222-4333-8444-555555555555");

	private static final LoveandpayCallPolicy POLICY = new LoveandpayCallPolicy(3, Duration.ofMillis(10),
			Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10));

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private final LoveandpayClockSkew skew = new LoveandpayClockSkew(Clock.fixed(NOW, ZoneOffset.UTC));

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private final KycSessionService service = KycSessionService.create(client(server.baseUrl(), POLICY));

	@Test
	void createWhoseAnswerIsLostReturnsTheOneSessionCreatedSinceForItsCustomer(CapturedOutput output) {
		createAnswerIsLost();
		listAnswers(item(OTHER, "customer-8", NOW.plusSeconds(3)), item(CREATED, CUSTOMER, NOW.plusSeconds(1)),
				item(UUID.randomUUID(), CUSTOMER, NOW.minusSeconds(600)));
		sessionAnswers(CREATED);
		KycSession session = this.service.createSession(request()).block(WAIT);
		assertThat(session.id()).isEqualTo(CREATED);
		assertThat(session.verificationUrl()).hasToString("https://kyc.loveandpay.io/verify/" + CREATED);
		assertThat(requests()).containsExactly("POST " + SESSIONS, "GET " + SESSIONS + "?limit=50&offset=0",
				"GET " + SESSIONS + "/" + CREATED);
		assertThat(this.observed).containsExactly("kyc.sessions.create", "kyc.sessions.recover.list",
				"kyc.sessions.recover.get");
		assertThat(output).contains("recovered session " + CREATED).doesNotContain(CUSTOMER);
	}

	@Test
	void sessionCreatedWithinTheMarginBeforeTheAttemptIsRecovered() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.minusSeconds(1)));
		sessionAnswers(CREATED);
		assertThat(this.service.createSession(request()).block(WAIT).id()).isEqualTo(CREATED);
	}

	@Test
	void createAnsweredWithA5xxReturnsTheSessionItCreated() {
		server.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(
				json(503, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Try later\"}}")));
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)));
		sessionAnswers(CREATED);
		assertThat(this.service.createSession(request()).block(WAIT).id()).isEqualTo(CREATED);
		assertThat(requests()).hasSize(3);
	}

	@Test
	void createWhoseAnswerIsLostWithoutAMatchFailsWithTheOriginalException(CapturedOutput output) {
		createAnswerIsLost();
		listAnswers(item(OTHER, "customer-8", NOW.plusSeconds(1)));
		LoveandpayOutcomeUnknownException ex = fails(this.service.createSession(request()),
				LoveandpayOutcomeUnknownException.class);
		assertThat(ex.operation()).isEqualTo("kyc.sessions.create");
		assertThat(ex.getCause()).isInstanceOf(LoveandpayTransportException.class);
		assertThat(ex.getSuppressed()).isEmpty();
		assertThat(requests()).containsExactly("POST " + SESSIONS, "GET " + SESSIONS + "?limit=50&offset=0");
		assertThat(output).doesNotContain("recovered");
	}

	@Test
	void fullFirstPageOfNewerSessionsIsFollowedByOneMorePageAtMost() {
		createAnswerIsLost();
		String[] newer = new String[50];
		for (int i = 0; i < newer.length; i++) {
			newer[i] = item(UUID.randomUUID(), "customer-other-" + i, NOW.plusSeconds(60 - i));
		}
		server.stubFor(get(urlPathEqualTo(SESSIONS)).withQueryParam("offset", equalTo("0"))
			.willReturn(json(200, page(1000, 0, newer))));
		server.stubFor(get(urlPathEqualTo(SESSIONS)).withQueryParam("offset", equalTo("50"))
			.willReturn(json(200, page(1000, 50, newer))));
		fails(this.service.createSession(request()), LoveandpayOutcomeUnknownException.class);
		assertThat(requests()).containsExactly("POST " + SESSIONS, "GET " + SESSIONS + "?limit=50&offset=0",
				"GET " + SESSIONS + "?limit=50&offset=50");
	}

	@Test
	void createWithoutCustomerIdIsNotRecovered() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)));
		fails(this.service.createSession(CreateKycSessionRequest.builder().customerEmail("a@example.com").build()),
				LoveandpayOutcomeUnknownException.class);
		assertThat(requests()).containsExactly("POST " + SESSIONS);
	}

	@Test
	void twoMatchingSessionsFailWithTheOriginalExceptionSayingWhy() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(2)), item(OTHER, CUSTOMER, NOW.plusSeconds(1)));
		sessionAnswers(CREATED);
		LoveandpayOutcomeUnknownException ex = fails(this.service.createSession(request()),
				LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getSuppressed()).singleElement()
			.satisfies((suppressed) -> assertThat(suppressed).hasMessageContaining("2 sessions")
				.hasMessageContaining("does not choose")
				.hasMessageNotContaining(CUSTOMER));
		assertThat(requests()).containsExactly("POST " + SESSIONS, "GET " + SESSIONS + "?limit=50&offset=0");
	}

	@Test
	void sessionWhoseOtherFieldsDifferFromTheRequestIsNotMatched() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)).replace("\"customerEmail\":null",
				"\"customerEmail\":\"someone.else@example.com\""));
		fails(this.service.createSession(
				CreateKycSessionRequest.builder().customerId(CUSTOMER).customerEmail("Ivan@Example.com").build()),
				LoveandpayOutcomeUnknownException.class);
	}

	@Test
	void sessionWithTheRequestsEmailInAnotherCaseIsMatched() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)).replace("\"customerEmail\":null",
				"\"customerEmail\":\"ivan@example.com\""));
		sessionAnswers(CREATED);
		assertThat(this.service
			.createSession(
					CreateKycSessionRequest.builder().customerId(CUSTOMER).customerEmail("Ivan@Example.com").build())
			.block(WAIT)
			.id()).isEqualTo(CREATED);
	}

	@Test
	void sessionCreatedBeforeTheAttemptIsNotMatched() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.minusSeconds(10)));
		sessionAnswers(CREATED);
		fails(this.service.createSession(request()), LoveandpayOutcomeUnknownException.class);
		assertThat(requests()).containsExactly("POST " + SESSIONS, "GET " + SESSIONS + "?limit=50&offset=0");
	}

	@Test
	void attemptIsPlacedOnTheProvidersClockByTheMeasuredOffset() {
		Duration ahead = Duration.ofMinutes(5);
		UUID probe = UUID.randomUUID();
		server.stubFor(get(urlPathEqualTo(SESSIONS + "/" + probe))
			.willReturn(json(401, "{\"success\":false,\"error\":{\"code\":\"TIMESTAMP_EXPIRED\"}}").withHeader("Date",
					DateTimeFormatter.RFC_1123_DATE_TIME
						.format(ZonedDateTime.ofInstant(NOW.plus(ahead), ZoneOffset.UTC)))));
		fails(this.service.getSession(probe), LoveandpayAuthenticationException.class);
		assertThat(this.skew.offset()).isEqualTo(ahead);
		server.resetRequests();
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plus(ahead).plusSeconds(1)), item(OTHER, CUSTOMER, NOW.plusSeconds(1)));
		sessionAnswers(CREATED);
		assertThat(this.service.createSession(request()).block(WAIT).id()).isEqualTo(CREATED);
	}

	@Test
	void failingRecoveryReadsAreRetriedAndThenSuppressedInTheOriginalException() {
		createAnswerIsLost();
		server.stubFor(get(urlPathEqualTo(SESSIONS)).willReturn(
				json(503, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Try later\"}}")));
		LoveandpayOutcomeUnknownException ex = fails(this.service.createSession(request()),
				LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getSuppressed()).singleElement()
			.isInstanceOfSatisfying(LoveandpayServerException.class,
					(suppressed) -> assertThat(suppressed.operation()).isEqualTo("kyc.sessions.recover.list"));
		assertThat(requests()).containsExactly("POST " + SESSIONS, "GET " + SESSIONS + "?limit=50&offset=0",
				"GET " + SESSIONS + "?limit=50&offset=0", "GET " + SESSIONS + "?limit=50&offset=0");
	}

	@Test
	void recoveryThatCannotEndWithinTheCreatesCallTimeoutIsSuppressedInTheOriginalException() {
		LoveandpayCallPolicy policy = new LoveandpayCallPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20),
				Duration.ofMillis(300), Duration.ofMillis(1000));
		KycSessionService impatient = KycSessionService.create(client(server.baseUrl(), policy));
		server.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withFixedDelay(5000)));
		server.stubFor(get(urlPathEqualTo(SESSIONS))
			.willReturn(json(200, page(1, 0, item(CREATED, CUSTOMER, NOW))).withFixedDelay(5000)));
		long started = System.nanoTime();
		LoveandpayOutcomeUnknownException ex = fails(impatient.createSession(request()),
				LoveandpayOutcomeUnknownException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1250));
		assertThat(ex.getSuppressed()).singleElement()
			.isInstanceOfSatisfying(LoveandpayTimeoutException.class,
					(timeout) -> assertThat(timeout).hasMessageContaining("call timeout of 1000 ms"));
		assertThat(requests()).first().isEqualTo("POST " + SESSIONS);
		assertThat(requests()).contains("GET " + SESSIONS + "?limit=50&offset=0");
	}

	@Test
	void createRecoveryOffSendsNothingMore() {
		KycSessionService withoutRecovery = KycSessionService.create(client(server.baseUrl(), POLICY), false);
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)));
		fails(withoutRecovery.createSession(request()), LoveandpayOutcomeUnknownException.class);
		assertThat(requests()).containsExactly("POST " + SESSIONS);
	}

	@Test
	void createRefusedWithA4xxIsNotRecovered() {
		server.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(
				json(400, "{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid\"}}")));
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)));
		LoveandpayInvalidRequestException ex = fails(this.service.createSession(request()),
				LoveandpayInvalidRequestException.class);
		assertThat(ex.getSuppressed()).isEmpty();
		assertThat(requests()).containsExactly("POST " + SESSIONS);
	}

	@Test
	void createThatNeverLeftTheMachineIsNotRecovered() throws IOException {
		String closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = "http://127.0.0.1:" + socket.getLocalPort();
		}
		KycSessionService unreachable = KycSessionService.create(client(closed, POLICY));
		LoveandpayTransportException ex = fails(unreachable.createSession(request()),
				LoveandpayTransportException.class);
		assertThat(ex).isNotInstanceOf(LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getSuppressed()).isEmpty();
		assertThat(this.observed).containsOnly("kyc.sessions.create");
	}

	@Test
	void createRecoveryPropertyTurnsItOff() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, Instant.now().plusSeconds(60)));
		sessionAnswers(CREATED);
		ApplicationContextRunner runner = LoveandpayRunners.onServer(server.baseUrl(),
				(request, next) -> next.exchange(request));
		runner.run((context) -> assertThat(
				context.getBean(KycSessionService.class).createSession(request()).block(WAIT).id())
			.isEqualTo(CREATED));
		server.resetRequests();
		runner.withPropertyValues("loveandpay.kyc.create-recovery=false").run((context) -> {
			fails(context.getBean(KycSessionService.class).createSession(request()),
					LoveandpayOutcomeUnknownException.class);
			assertThat(requests()).containsExactly("POST " + SESSIONS);
		});
	}

	@Test
	void everyRequestOfTheRecoveryTakesAPermitOfTheQuota() {
		createAnswerIsLost();
		listAnswers(item(CREATED, CUSTOMER, NOW.plusSeconds(1)));
		sessionAnswers(CREATED);
		AtomicInteger permits = new AtomicInteger();
		LocalRequestQuota local = new LocalRequestQuota(List.of(new QuotaLimit(100, Duration.ofMinutes(1), 10)),
				Schedulers.parallel());
		LoveandpayRequestQuota counting = new LoveandpayRequestQuota() {

			@Override
			public Mono<Duration> tryAcquire() {
				return local.tryAcquire().doOnNext((wait) -> {
					if (wait.isZero()) {
						permits.incrementAndGet();
					}
				});
			}

			@Override
			public Mono<Void> holdBack(Duration wait) {
				return local.holdBack(wait);
			}

		};
		KycSessionService service = KycSessionService.create(
				LoveandpayApiClient
					.builder(TestClients.webClientBuilder(server.baseUrl(), POLICY.attemptTimeout())
						.filter(TestClients.signingFilter(this.skew.clock()))
						.build())
					.policy(POLICY)
					.clockSkew(this.skew)
					.quota(counting)
					.build());
		assertThat(service.createSession(request()).block(WAIT).id()).isEqualTo(CREATED);
		assertThat(requests()).hasSize(3);
		assertThat(permits).hasValue(3);
	}

	private LoveandpayApiClient client(String baseUrl, LoveandpayCallPolicy policy) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof LoveandpayObservationContext;
			}

			@Override
			public void onStop(Observation.Context context) {
				CreateRecoveryTests.this.observed.add(((LoveandpayObservationContext) context).operation());
			}

		});
		return LoveandpayApiClient
			.builder(TestClients.webClientBuilder(baseUrl, policy.attemptTimeout())
				.filter(TestClients.signingFilter(this.skew.clock()))
				.build())
			.baseUrl(URI.create(baseUrl + "/api/v2"))
			.policy(policy)
			.clockSkew(this.skew)
			.observationRegistry(registry)
			.build();
	}

	private static CreateKycSessionRequest request() {
		return CreateKycSessionRequest.builder().customerId(CUSTOMER).build();
	}

	private static void createAnswerIsLost() {
		server
			.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	private static void listAnswers(String... items) {
		server.stubFor(get(urlPathEqualTo(SESSIONS)).willReturn(json(200, page(items.length, 0, items))));
	}

	private static void sessionAnswers(UUID id) {
		server.stubFor(get(urlPathMatching(SESSIONS + "/" + id)).willReturn(json(200, """
				{"success":true,"session":{"id":"%s","sessionId":"verification-1","invoiceId":null,
				 "customerId":"%s","customerEmail":null,"customerPhone":null,"status":"NOT_STARTED",
				 "verificationUrl":"https://kyc.loveandpay.io/verify/%s","verification":null,
				 "expiresAt":"%s","createdAt":"%s"}}""".formatted(id, CUSTOMER, id, NOW.plusSeconds(1800), NOW))));
	}

	private static String item(UUID id, String customerId, Instant createdAt) {
		return """
				{"id":"%s","sessionId":"verification-1","invoiceId":null,"customerId":"%s","customerEmail":null,
				 "customerPhone":null,"status":"NOT_STARTED","verification":null,"createdAt":"%s"}""".formatted(id,
				customerId, createdAt);
	}

	private static String page(int total, int offset, String... items) {
		return """
				{"success":true,"data":[%s],"pagination":{"total":%d,"limit":50,"offset":%d,"pages":%d}}"""
			.formatted(String.join(",", items), total, offset, Math.max(1, (total + 49) / 50));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static List<String> requests() {
		return Received.requests(server)
			.stream()
			.map((request) -> request.getMethod() + " " + request.getUrl())
			.toList();
	}

	private static <T extends LoveandpayException> T fails(Mono<?> call, Class<T> type) {
		Throwable failure = call.map(Object.class::cast).onErrorResume(Mono::just).block(WAIT) instanceof Throwable ex
				? ex : null;
		assertThat(failure).as("the call failed").isInstanceOf(type);
		return type.cast(failure);
	}

}
