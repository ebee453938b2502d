package io.loveandpay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.client.LoveandpayAccessDeniedException;
import io.loveandpay.client.LoveandpayApiException;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayInvalidRequestException;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.client.LoveandpayTransportException;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.kyc.KycStatus;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import io.loveandpay.client.internal.LoveandpayClockSkew;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reliability checklist, rows 1 to 26: each fault or bad input against the
 * auto-configured client and a real local server, asserting the typed error, the number
 * of requests that reached the server, and that nothing secret or personal leaks.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReliabilityChecklistTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final UUID ID = Fixtures.APPROVED_ID;

	private static final String SESSION_PATH = "/api/v2/kyc/sessions/" + ID;

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock(80);

	private final AtomicInteger attempts = new AtomicInteger();

	private ApplicationContextRunner runner(String baseUrl, String... properties) {
		ExchangeFilterFunction counting = (request, next) -> {
			this.attempts.incrementAndGet();
			return next.exchange(request);
		};
		return LoveandpayRunners.onServer(baseUrl, counting)
			.withPropertyValues("loveandpay.response-timeout=700ms", "loveandpay.call-timeout=10s",
					"loveandpay.retry.initial-backoff=20ms", "loveandpay.retry.max-backoff=150ms",
					// The checklist counts what the client sends for each call alone; the
					// reads that look for a lost create are tested in
					// CreateRecoveryTests.
					"loveandpay.kyc.create-recovery=false")
			.withPropertyValues(properties);
	}

	private void run(Consumer<KycSessionService> test, String... properties) {
		runner(server.baseUrl(), properties).run((context) -> test.accept(service(context)));
	}

	private static KycSessionService service(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(KycSessionService.class);
	}

	private static <T extends Throwable> T fails(Mono<?> call, Class<T> type) {
		Throwable failure = call.then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(WAIT);
		assertThat(failure).as("the call failed").isInstanceOf(type);
		Leaks.assertClean(failure);
		return type.cast(failure);
	}

	private static Mono<KycSession> create(KycSessionService service) {
		return service.createSession(CreateKycSessionRequest.builder()
			.customerId("customer-42")
			.customerEmail("ivan.petrov@example.com")
			.build());
	}

	private static void answer(ResponseDefinitionBuilder response) {
		server.stubFor(any(anyUrl()).willReturn(response));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static ResponseDefinitionBuilder session() {
		return okJson(Fixtures.resource("session-approved.json"));
	}

	private static void failThenAnswer(List<ResponseDefinitionBuilder> failures, ResponseDefinitionBuilder answer) {
		String state = STARTED;
		for (int i = 0; i < failures.size(); i++) {
			String next = "after-" + (i + 1);
			server.stubFor(any(anyUrl()).inScenario("faults")
				.whenScenarioStateIs(state)
				.willReturn(failures.get(i))
				.willSetStateTo(next));
			state = next;
		}
		server.stubFor(any(anyUrl()).inScenario("faults").whenScenarioStateIs(state).willReturn(answer));
	}

	private static List<LoggedRequest> requests() {
		return Received.requests(server);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Checklist row 1. */
	@Test
	void connectionRefusedIsATransportErrorAfterTheRetryBudgetEvenForACreate() throws IOException {
		runner("http://127.0.0.1:" + closedPort()).run((context) -> {
			KycSessionService service = service(context);
			fails(service.getSession(ID), LoveandpayTransportException.class);
			assertThat(this.attempts).hasValue(3);
			this.attempts.set(0);
			LoveandpayTransportException ex = fails(create(service), LoveandpayTransportException.class);
			assertThat(ex).isNotInstanceOf(LoveandpayOutcomeUnknownException.class);
			assertThat(this.attempts).as("nothing was sent, so a create may retry").hasValue(3);
		});
	}

	/** Checklist row 2. */
	@Test
	void connectTimeoutIsATimeoutWithinConnectTimeoutTimesAttempts() throws IOException {
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<SocketChannel> backlog = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				SocketChannel channel = SocketChannel.open();
				channel.configureBlocking(false);
				channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()));
				backlog.add(channel);
			}
			try {
				runner("http://127.0.0.1:" + full.getLocalPort()).run((context) -> {
					KycSessionService service = service(context);
					long start = System.nanoTime();
					LoveandpayTimeoutException ex = fails(create(service), LoveandpayTimeoutException.class);
					Duration took = Duration.ofNanos(System.nanoTime() - start);
					assertThat(ex.getMessage()).contains("connecting");
					assertThat(ex).isNotInstanceOf(LoveandpayOutcomeUnknownException.class);
					assertThat(this.attempts).hasValue(3);
					assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3 * 300 + 2 * 150 + 1500));
				});
			}
			finally {
				for (SocketChannel channel : backlog) {
					channel.close();
				}
			}
		}
	}

	/** Checklist row 3. */
	@Test
	void resetBeforeTheResponseOfAGetIsRetriedAndEachAttemptIsSignedAfresh() {
		failThenAnswer(List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)), session());
		run((service) -> {
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			List<LoggedRequest> requests = requests();
			assertThat(requests).hasSize(2);
			assertThat(requests.get(0).getHeader("x-timestamp")).isNotEqualTo(requests.get(1).getHeader("x-timestamp"));
			requests.forEach(
					(request) -> SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY));
		});
	}

	/** Checklist row 4. */
	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
	void resetOrEmptyResponseAfterACreateWasSentIsOutcomeUnknownAfterOneRequest(Fault fault) {
		answer(aResponse().withFault(fault));
		run((service) -> {
			LoveandpayOutcomeUnknownException ex = fails(create(service), LoveandpayOutcomeUnknownException.class);
			assertThat(ex.getMessage()).contains("may or may not", "customerId");
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 5. */
	@Test
	void serverClosingWithoutAByteRetriesAGetAndMakesACreateOutcomeUnknown() {
		failThenAnswer(List.of(aResponse().withFault(Fault.EMPTY_RESPONSE)), session());
		run((service) -> {
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			assertThat(requests()).hasSize(2);
		});
		server.resetAll();
		answer(aResponse().withFault(Fault.EMPTY_RESPONSE));
		run((service) -> {
			fails(create(service), LoveandpayOutcomeUnknownException.class);
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 6. */
	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
	void garbledResponsesAreATypedErrorWithoutPartialObjectAfterBoundedRetries(Fault fault) {
		answer(aResponse().withFault(fault));
		run((service) -> {
			Throwable failure = fails(service.getSession(ID), LoveandpayException.class);
			assertThat(failure).isInstanceOfAny(LoveandpayTransportException.class, LoveandpayProtocolException.class);
			assertThat(requests()).hasSize(3);
		});
	}

	/** Checklist row 7. */
	@Test
	void bodyTricklingSlowerThanTheResponseTimeoutTimesOutAndItsConnectionIsNotReused() {
		server.stubFor(get(SESSION_PATH).willReturn(session().withChunkedDribbleDelay(30, 6000)));
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.id(7))
			.willReturn(okJson(Fixtures.resource("session-created.json"))));
		run((service) -> {
			long start = System.nanoTime();
			fails(service.getSession(ID), LoveandpayTimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			KycSession next = service.getSession(Fixtures.id(7)).block(WAIT);
			assertThat(next.status()).isEqualTo(KycStatus.NOT_STARTED);
		}, "loveandpay.retry.max-attempts=1", "loveandpay.pool.max-connections=1");
	}

	/** Checklist row 8. */
	@Test
	void everySlowAttemptEndsInOneTimeoutBoundedByTheCallTimeout() {
		answer(session().withFixedDelay(5000));
		run((service) -> {
			long start = System.nanoTime();
			LoveandpayTimeoutException ex = fails(service.getSession(ID), LoveandpayTimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500 + 1000));
			assertThat(ex.getMessage()).contains("call timeout of 1500 ms");
			assertThat(requests().size()).isBetween(2, 4);
		}, "loveandpay.retry.max-attempts=10", "loveandpay.call-timeout=1500ms", "loveandpay.response-timeout=400ms");
	}

	/** Checklist row 9. */
	@ParameterizedTest
	@ValueSource(ints = { 502, 503, 504 })
	void gatewayErrorsThenSuccessOnAGetSucceedAfterBackoffWithinItsBounds(int status) {
		failThenAnswer(List.of(json(status, "{}"), json(status, "{}")), session());
		run((service) -> {
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			List<LoggedRequest> requests = requests();
			assertThat(requests).hasSize(3);
			for (int i = 1; i < requests.size(); i++) {
				long gap = requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime();
				assertThat(gap).as("wait before retry %d", i).isBetween(0L, 150L + 1000L);
			}
		});
	}

	/** Checklist row 10. */
	@Test
	void unavailableForeverEndsAfterExactlyMaxAttemptsWithStatusAndRequestId() {
		answer(json(503, "{\"error\":\"SERVICE_UNAVAILABLE\"}").withHeader("x-request-id", "req_503"));
		run((service) -> {
			LoveandpayServerException ex = fails(service.getSession(ID), LoveandpayServerException.class);
			assertThat(ex.statusCode()).isEqualTo(503);
			assertThat(ex.requestId()).isEqualTo("req_503");
			assertThat(requests()).hasSize(3);
		});
	}

	/** Checklist row 11. */
	@Test
	void rateLimitedWithRetryAfterSecondsWaitsAndSucceedsOnTheSecondRequest() {
		failThenAnswer(List.of(json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}").withHeader("Retry-After", "1")),
				session());
		run((service) -> {
			long start = System.nanoTime();
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
			assertThat(requests()).hasSize(2);
		}, "loveandpay.retry.max-backoff=2s");
	}

	/** Checklist row 11. */
	@Test
	void rateLimitedWithRetryAfterHttpDateWaitsUntilThen() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).withNano(0));
		failThenAnswer(List.of(json(429, "{}").withHeader("Retry-After", date)), session());
		run((service) -> {
			long start = System.nanoTime();
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
			assertThat(requests()).hasSize(2);
		}, "loveandpay.retry.max-backoff=3s");
	}

	/** Checklist row 11. */
	@Test
	void rateLimitedWithGarbageRetryAfterFallsBackToBackoff() {
		failThenAnswer(List.of(json(429, "{}").withHeader("Retry-After", "tomorrow-ish")), session());
		run((service) -> {
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			assertThat(requests()).hasSize(2);
		});
	}

	/** Checklist row 11. */
	@Test
	void rateLimitedWithRetryAfterBeyondTheCapFailsAtOnceCarryingIt() {
		answer(json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}").withHeader("Retry-After", "3600"));
		run((service) -> {
			long start = System.nanoTime();
			LoveandpayRateLimitException ex = fails(service.getSession(ID), LoveandpayRateLimitException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofHours(1));
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 11. */
	@Test
	void rateLimitedWithRetryAfterBeyondTheDeadlineFailsAtOnce() {
		answer(json(429, "{}").withHeader("Retry-After", "4"));
		run((service) -> {
			fails(service.getSession(ID), LoveandpayRateLimitException.class);
			assertThat(requests()).hasSize(1);
		}, "loveandpay.retry.max-backoff=10s", "loveandpay.call-timeout=3s");
	}

	/** Checklist row 12. */
	@Test
	void clientErrorsInEitherShapeAreTypedWithTheirDetailsAfterOneRequest() {
		record Case(int status, String body, Class<? extends LoveandpayApiException> type) {
		}
		List<Case> cases = List.of(new Case(400,
				"""
						{"error":"VALIDATION_ERROR","code":"VALIDATION_ERROR","message":"limit is invalid","hint":"Use 1 to 100","requestId":"req_1"}""",
				LoveandpayInvalidRequestException.class),
				new Case(404,
						"""
								{"success":false,"error":{"code":"NOT_FOUND","message":"No such session","hint":"Check the id","requestId":"req_1"}}""",
						LoveandpayNotFoundException.class),
				new Case(409,
						"""
								{"error":"CONFLICT","code":"CONFLICT","message":"Already verified","hint":"Read it instead","requestId":"req_1"}""",
						LoveandpayInvalidRequestException.class),
				new Case(422,
						"""
								{"success":false,"error":{"code":"UNPROCESSABLE","message":"Cannot process","hint":"Fix it","requestId":"req_1"}}""",
						LoveandpayInvalidRequestException.class));
		for (Case c : cases) {
			server.resetAll();
			answer(json(c.status(), c.body()));
			run((service) -> {
				LoveandpayApiException ex = fails(service.getSession(ID), c.type());
				assertThat(ex.statusCode()).isEqualTo(c.status());
				assertThat(ex.errorCode()).isNotBlank();
				assertThat(ex.providerMessage()).isNotBlank();
				assertThat(ex.hint()).isNotBlank();
				assertThat(ex.requestId()).isEqualTo("req_1");
				assertThat(requests()).hasSize(1);
			});
		}
	}

	/** Checklist row 13. */
	@ParameterizedTest
	@ValueSource(strings = { "INVALID_SIGNATURE", "MISSING_HEADERS" })
	void authenticationErrorsAfterOneRequestShowNoSecretOrSignature(String code) {
		answer(json(401, "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"Refused\"}}"));
		run((service) -> {
			LoveandpayAuthenticationException ex = fails(service.getSession(ID),
					LoveandpayAuthenticationException.class);
			assertThat(ex.errorCode()).isEqualTo(code);
			assertThat(requests()).hasSize(1);
			String sent = requests().get(0).getHeader("x-signature");
			assertThat(ex.getMessage()).doesNotContain(sent).doesNotContain(TestClients.SECRET_KEY);
		});
	}

	/** Checklist row 14. */
	@Test
	void timestampExpiredIsReSignedOnceWithTheProvidersTimeWhichLaterCallsKeep() {
		Instant providerNow = Instant.now().plus(Duration.ofMinutes(10));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(providerNow.atZone(ZoneOffset.UTC));
		failThenAnswer(List
			.of(json(401, "{\"success\":false,\"error\":{\"code\":\"TIMESTAMP_EXPIRED\"}}").withHeader("Date", date)),
				session());
		runner(server.baseUrl()).run((context) -> {
			KycSessionService service = service(context);
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
			List<LoggedRequest> requests = requests();
			assertThat(requests).hasSize(3);
			for (LoggedRequest request : requests.subList(1, 3)) {
				long sent = Long.parseLong(request.getHeader("x-timestamp"));
				assertThat(Math.abs(sent - providerNow.toEpochMilli())).as("signed with the provider's time")
					.isLessThan(5000);
				SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
			}
			assertThat(context.getBean(LoveandpayClockSkew.class).offset()).isBetween(Duration.ofMinutes(9),
					Duration.ofMinutes(11));
		});
	}

	/** Checklist row 14. */
	@Test
	void timestampExpiredWithADateYearsOffIsIgnored() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(3).withNano(0));
		answer(json(401, "{\"success\":false,\"error\":{\"code\":\"TIMESTAMP_EXPIRED\"}}").withHeader("Date", date));
		runner(server.baseUrl()).run((context) -> {
			fails(service(context).getSession(ID), LoveandpayAuthenticationException.class);
			assertThat(requests()).hasSize(1);
			assertThat(context.getBean(LoveandpayClockSkew.class).offset()).isZero();
		});
	}

	/** Checklist row 14. */
	@Test
	void timestampExpiredOnACreateAlignsTheClockButIsNotResent() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10).withNano(0));
		answer(json(401, "{\"success\":false,\"error\":{\"code\":\"TIMESTAMP_EXPIRED\"}}").withHeader("Date", date));
		runner(server.baseUrl()).run((context) -> {
			fails(create(service(context)), LoveandpayAuthenticationException.class);
			assertThat(requests()).hasSize(1);
			assertThat(context.getBean(LoveandpayClockSkew.class).offset()).isGreaterThan(Duration.ofMinutes(9));
		});
	}

	/** Checklist row 15. */
	@ParameterizedTest
	@ValueSource(strings = { "DOMAIN_NOT_VERIFIED", "SOURCE_IP_NOT_ALLOWED", "PARTNER_INACTIVE", "API_BLOCKED" })
	void accessDeniedCarriesTheCodeWithoutRetry(String code) {
		answer(json(403, "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"Denied\"}}"));
		run((service) -> {
			assertThat(fails(service.getSession(ID), LoveandpayAccessDeniedException.class).errorCode())
				.isEqualTo(code);
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 16. */
	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	void serverErrorOnACreateIsNeverRetried(int status) {
		answer(json(status, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\"}}"));
		run((service) -> {
			assertThat(fails(create(service), LoveandpayServerException.class).statusCode()).isEqualTo(status);
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 17. */
	@Test
	void okWithEmptyOrHtmlBodyIsAProtocolErrorAndTheHtmlIsNotLogged(CapturedOutput output) {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));
		run((service) -> {
			fails(service.getSession(ID), LoveandpayProtocolException.class);
			assertThat(requests()).hasSize(1);
		});
		server.resetAll();
		answer(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>maintenance-page-marker</body></html>"));
		run((service) -> {
			assertThat(fails(service.getSession(ID), LoveandpayProtocolException.class).getMessage())
				.doesNotContain("maintenance-page-marker");
			assertThat(requests()).hasSize(1);
		});
		assertThat(output).doesNotContain("maintenance-page-marker");
	}

	/** Checklist row 17. */
	@Test
	void okWithSuccessFalseIsTheApiErrorItDescribes() {
		answer(json(200, "{\"success\":false,\"error\":{\"code\":\"PARTNER_INACTIVE\",\"message\":\"Inactive\"}}"));
		run((service) -> {
			assertThat(fails(service.getSession(ID), LoveandpayApiException.class).errorCode())
				.isEqualTo("PARTNER_INACTIVE");
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 18. */
	@Test
	void proxyHtmlErrorPageOn502IsAServerErrorWithoutTheHtml(CapturedOutput output) {
		answer(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1>proxy-page-marker</body></html>"));
		run((service) -> {
			LoveandpayServerException ex = fails(service.getSession(ID), LoveandpayServerException.class);
			assertThat(ex.statusCode()).isEqualTo(502);
			assertThat(ex.getMessage()).doesNotContain("proxy-page-marker").doesNotContain("<");
		});
		assertThat(output).doesNotContain("proxy-page-marker");
	}

	/** Checklist row 19. */
	@Test
	void responseLargerThanTheLimitIsAProtocolErrorAndReleasesTheConnection() {
		String padding = "x".repeat(256 * 1024);
		server.stubFor(get(SESSION_PATH).willReturn(json(200, Fixtures.resource("session-approved.json")
			.replace("\"someFutureField\"", "\"pad\":\"" + padding + "\",\"someFutureField\""))));
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.id(7))
			.willReturn(okJson(Fixtures.resource("session-created.json"))));
		run((service) -> {
			assertThat(fails(service.getSession(ID), LoveandpayProtocolException.class).getMessage())
				.contains("larger than");
			assertThat(service.getSession(Fixtures.id(7)).block(WAIT).status()).isEqualTo(KycStatus.NOT_STARTED);
		}, "loveandpay.max-response-size=16KB", "loveandpay.pool.max-connections=1",
				"loveandpay.pool.acquire-timeout=1s", "loveandpay.retry.max-attempts=1",
				"loveandpay.response-timeout=10s");
	}

	/** Checklist row 20. */
	@Test
	void truncatedOrMistypedJsonIsAProtocolErrorThatDoesNotQuoteTheValue() {
		String json = Fixtures.resource("session-approved.json");
		answer(json(200, json.substring(0, json.length() - 40)));
		run((service) -> fails(service.getSession(ID), LoveandpayProtocolException.class));
		server.resetAll();
		answer(json(200, json.replace("1990-05-14", "1990-13-45")));
		run((service) -> {
			LoveandpayProtocolException ex = fails(service.getSession(ID), LoveandpayProtocolException.class);
			assertThat(ex.getMessage()).contains("dateOfBirth");
			for (Throwable t = ex; t != null; t = t.getCause()) {
				assertThat(t.toString()).doesNotContain("1990-13-45");
			}
			assertThat(requests()).hasSize(1);
		});
	}

	/** Checklist row 21. */
	@Test
	void unknownFieldsStatusesAndNullNestedObjectsDecode() {
		answer(json(200, Fixtures.resource("session-created.json")
			.replace("NOT_STARTED", "MANUAL_REVIEW")
			.replace("\"verification\": null", "\"verification\": null, \"riskScore\": {\"v\": 1}, \"tags\": [null]")));
		run((service) -> {
			KycSession session = service.getSession(ID).block(WAIT);
			assertThat(session.status().value()).isEqualTo("MANUAL_REVIEW");
			assertThat(session.status().isKnown()).isFalse();
			assertThat(session.verification()).isNull();
		});
	}

	/** Checklist row 22. */
	@Test
	void callerMistakesAreRefusedBeforeAnyRequest() {
		answer(session());
		run((service) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> service.getSession(null));
			assertThatIllegalArgumentException().isThrownBy(() -> KycSessionQuery.builder().limit(101).build());
			assertThatIllegalArgumentException().isThrownBy(() -> KycSessionQuery.builder().offset(-1).build());
			assertThatIllegalArgumentException().isThrownBy(() -> io.loveandpay.kyc.KycLanguage.valueOf("DE"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> CreateKycSessionRequest.builder().customerId("x\r\nx-api-key: other").build());
			assertThatIllegalArgumentException()
				.isThrownBy(() -> CreateKycSessionRequest.builder().customerEmail("a@b\n.c").build());
			assertThat(requests()).isEmpty();
			assertThat(this.attempts).hasValue(0);
		});
	}

	/** Checklist row 23. */
	@Test
	void thousandSignedRequestsOnSixtyFourSubscribersThroughASmallPoolAreAllValid() {
		answer(session());
		run((service) -> {
			Long done = Flux.range(0, 1000)
				.flatMap((i) -> (i % 4 == 0) ? create(service) : service.getSession(ID), 64)
				.count()
				.block(Duration.ofSeconds(90));
			assertThat(done).isEqualTo(1000);
			List<LoggedRequest> requests = requests();
			assertThat(requests).hasSize(1000);
			requests.forEach(
					(request) -> SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY));
		}, "loveandpay.pool.max-connections=8", "loveandpay.pool.max-pending-acquires=1000",
				"loveandpay.response-timeout=20s", "loveandpay.call-timeout=60s",
				// A thousand calls at once: the request quota is tested in
				// RequestQuotaTests.
				"loveandpay.quota.enabled=false");
	}

	/** Checklist row 24. */
	@Test
	void idleConnectionClosedByTheServerDoesNotFailTheNextCall() {
		com.github.tomakehurst.wiremock.WireMockServer idleClosing = new com.github.tomakehurst.wiremock.WireMockServer(
				wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyIdleTimeout(300L));
		idleClosing.start();
		try {
			idleClosing.stubFor(any(anyUrl()).willReturn(session()));
			runner(idleClosing.baseUrl(), "loveandpay.pool.max-idle-time=150ms",
					"loveandpay.pool.eviction-interval=50ms", "loveandpay.retry.max-attempts=1")
				.run((context) -> {
					KycSessionService service = service(context);
					for (int i = 0; i < 3; i++) {
						assertThat(service.getSession(ID).block(WAIT).id()).isEqualTo(ID);
						Mono.delay(Duration.ofMillis(600)).block();
					}
					assertThat(idleClosing.getAllServeEvents()).hasSize(3);
				});
		}
		finally {
			idleClosing.stop();
		}
	}

	/** Checklist row 25. */
	@Test
	void blockingOnAnEventLoopThreadIsRefusedNeverAHang() {
		answer(session());
		run((service) -> {
			Throwable failure = Mono.fromCallable(() -> service.blocking().getSession(ID))
				.subscribeOn(Schedulers.parallel())
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just)
				.block(Duration.ofSeconds(5));
			assertThat(failure).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("KycSessionService.getSession");
			assertThat(requests()).isEmpty();
		});
	}

	/** Checklist row 26. */
	@Test
	void actuatorEnvAndConfigpropsShowingValuesNeverShowTheSecretKey() {
		ApplicationContextRunner actuator = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class,
							EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
							ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.env.show-values=always",
					"management.endpoint.configprops.show-values=always",
					"management.endpoints.web.exposure.include=env,configprops");
		String fromEnvironment = "sk_test_canary_from_environment_1";
		String fromSystemProperty = "sk_test_canary_from_system_prop_2";
		String fromFile = "sk_test_canary_from_file_3";
		actuator
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("LOVEANDPAY_API_KEY", TestClients.API_KEY, "LOVEANDPAY_SECRET_KEY",
										fromEnvironment, "SPRING_APPLICATION_JSON",
										"{\"loveandpay\":{\"secret-key\":\"" + fromEnvironment + "\"}}"))))
			.run((context) -> assertEndpointsHide(context, fromEnvironment));
		actuator
			.withSystemProperties("loveandpay.secret-key=" + fromSystemProperty,
					"sun.java.command=app.jar --loveandpay.secret-key=" + fromSystemProperty)
			.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY)
			.run((context) -> assertEndpointsHide(context, fromSystemProperty));
		actuator
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
						Map.of("loveandpay.api-key", TestClients.API_KEY, "loveandpay.secret-key", fromFile))))
			.run((context) -> assertEndpointsHide(context, fromFile));
	}

	private static void assertEndpointsHide(AssertableApplicationContext context, String secret) {
		assertThat(context).hasNotFailed();
		JsonMapper json = JsonMapper.builder().build();
		String env = json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
		String configprops = json
			.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
		assertThat(env).contains("loveandpay").contains("******");
		assertThat(configprops).contains("loveandpay").contains("******");
		for (String shown : List.of(env, configprops)) {
			assertThat(shown).doesNotContain(secret).doesNotContain(TestClients.API_KEY).doesNotContain("canary");
		}
		assertThat(env + configprops).contains("pk_test_******");
	}

}
