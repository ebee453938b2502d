package io.loveandpay.kyc;

import java.io.IOException;
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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for how {@link KycSessionService} reports what goes wrong, against a real server:
 * the typed error, the number of requests that reached the server, and messages free of
 * personal data.
 */
class KycSessionServiceErrorTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final UUID ID = Fixtures.APPROVED_ID;

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private final KycSessionService service = KycSessionService
		.create(TestClients.apiClient(server.baseUrl(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10)));

	private final KycSessionService impatient = KycSessionService
		.create(TestClients.apiClient(server.baseUrl(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(500)));

	private static void answer(ResponseDefinitionBuilder response) {
		server.stubFor(any(anyUrl()).willReturn(response));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private <T> T get(Class<T> type) {
		Throwable failure = assertFails(this.service.getSession(ID));
		assertThat(failure).isInstanceOf(type);
		return type.cast(failure);
	}

	private <T> T create(Class<T> type) {
		Throwable failure = assertFails(this.service
			.createSession(CreateKycSessionRequest.builder().customerEmail("ivan.petrov@example.com").build()));
		assertThat(failure).isInstanceOf(type);
		return type.cast(failure);
	}

	private static Throwable assertFails(Mono<?> call) {
		Throwable failure = call.map(Object.class::cast)
			.onErrorResume((ex) -> Mono.just(ex))
			.block(WAIT) instanceof Throwable ex ? ex : null;
		assertThat(failure).as("the call failed").isNotNull();
		assertNoPersonalData(failure);
		return failure;
	}

	private static void assertNoPersonalData(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String text = t.toString();
			for (String canary : Fixtures.PERSONAL_DATA) {
				assertThat(text).doesNotContain(canary);
			}
			assertThat(text).doesNotContain(TestClients.SECRET_KEY);
		}
	}

	private static int requests() {
		return Received.requests(server).size();
	}

	@Test
	void getSessionWhenUnauthorizedThrowsAuthenticationWithNestedShapeDetails() {
		answer(json(401,
				"""
						{"success":false,"error":{"code":"INVALID_SIGNATURE","message":"Signature mismatch","requestId":"req_8f2a"}}"""));
		LoveandpayAuthenticationException ex = get(LoveandpayAuthenticationException.class);
		assertThat(ex.statusCode()).isEqualTo(401);
		assertThat(ex.errorCode()).isEqualTo("INVALID_SIGNATURE");
		assertThat(ex.providerMessage()).isEqualTo("Signature mismatch");
		assertThat(ex.requestId()).isEqualTo("req_8f2a");
		assertThat(ex.operation()).isEqualTo("kyc.sessions.get");
		assertThat(ex.getMessage()).contains("kyc.sessions.get", "401", "INVALID_SIGNATURE", "req_8f2a");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void getSessionWhenAccessDeniedThrowsAccessDeniedWithCode() {
		answer(json(403, """
				{"success":false,"error":{"code":"SOURCE_IP_NOT_ALLOWED","message":"IP is not in the allow list"}}""")
			.withHeader("x-request-id", "req_from_header"));
		LoveandpayAccessDeniedException ex = get(LoveandpayAccessDeniedException.class);
		assertThat(ex.errorCode()).isEqualTo("SOURCE_IP_NOT_ALLOWED");
		assertThat(ex.requestId()).isEqualTo("req_from_header");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void getSessionWhenNotFoundThrowsNotFoundFromFlatRouteShape() {
		answer(json(404, "{\"error\": \"Not found\"}"));
		LoveandpayNotFoundException ex = get(LoveandpayNotFoundException.class);
		assertThat(ex.errorCode()).isNull();
		assertThat(ex.providerMessage()).isEqualTo("Not found");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void createSessionWhenRejectedThrowsInvalidRequestWithFlatShapeHint() {
		answer(json(400,
				"""
						{"error":"NO_TERMINAL","code":"NO_TERMINAL","message":"No terminal configured","hint":"Create a terminal in the dashboard"}"""));
		LoveandpayInvalidRequestException ex = create(LoveandpayInvalidRequestException.class);
		assertThat(ex.errorCode()).isEqualTo("NO_TERMINAL");
		assertThat(ex.providerMessage()).isEqualTo("No terminal configured");
		assertThat(ex.hint()).isEqualTo("Create a terminal in the dashboard");
		assertThat(ex.getMessage()).contains("NO_TERMINAL", "No terminal configured", "Create a terminal");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void validationErrorQuotingTheRequestKeepsValuesOutOfTheMessage() {
		answer(json(422,
				"""
						{"error":"VALIDATION_ERROR","message":"customerEmail 'ivan.petrov@example.com' and phone +7 916 123-45-67 rejected for Иван"}"""));
		LoveandpayInvalidRequestException ex = create(LoveandpayInvalidRequestException.class);
		assertThat(ex.getMessage()).contains("VALIDATION_ERROR", "customerEmail").doesNotContain("123-45-67");
		assertThat(ex.providerMessage()).contains("ivan.petrov@example.com");
	}

	@Test
	void getSessionWhenRateLimitedCarriesRetryAfterSeconds() {
		answer(json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}")
			.withHeader("Retry-After", "7"));
		LoveandpayRateLimitException ex = get(LoveandpayRateLimitException.class);
		assertThat(ex.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void getSessionWhenRateLimitedCarriesRetryAfterHttpDate() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));
		answer(json(429, "{}").withHeader("Retry-After", date));
		assertThat(get(LoveandpayRateLimitException.class).retryAfter()).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void getSessionWhenRateLimitedWithGarbageRetryAfterHasNone() {
		answer(json(429, "{}").withHeader("Retry-After", "soon"));
		assertThat(get(LoveandpayRateLimitException.class).retryAfter()).isNull();
	}

	@Test
	void createSessionWhenServerFailsThrowsServerExceptionAfterOneRequest() {
		answer(json(500, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal error\"}}"));
		LoveandpayServerException ex = create(LoveandpayServerException.class);
		assertThat(ex.statusCode()).isEqualTo(500);
		assertThat(ex.errorCode()).isEqualTo("INTERNAL_ERROR");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void getSessionWhenProxyAnswersHtml502ThrowsServerExceptionWithoutTheHtml() {
		answer(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"));
		LoveandpayServerException ex = get(LoveandpayServerException.class);
		assertThat(ex.statusCode()).isEqualTo(502);
		assertThat(ex.errorCode()).isNull();
		assertThat(ex.getMessage()).doesNotContain("<").doesNotContain("nginx");
	}

	@Test
	void getSessionWhenBodyIsTruncatedThrowsProtocolError() {
		String json = Fixtures.resource("session-approved.json");
		answer(json(200, json.substring(0, json.length() / 2)));
		LoveandpayProtocolException ex = get(LoveandpayProtocolException.class);
		assertThat(ex.getMessage()).contains("kyc.sessions.get", "could not decode");
	}

	@Test
	void getSessionWhenDateIsMistypedNamesTheFieldButNotTheValue() {
		answer(json(200, Fixtures.resource("session-approved.json").replace("1990-05-14", "1990-13-45")));
		LoveandpayProtocolException ex = get(LoveandpayProtocolException.class);
		assertThat(ex.getMessage()).contains("session.verification.dateOfBirth");
		for (Throwable t = ex; t != null; t = t.getCause()) {
			assertThat(t.toString()).doesNotContain("1990-13-45").doesNotContain("1990");
		}
		assertThat(ex.getCause()).isNotNull();
		assertThat(ex.getCause().getStackTrace()).isNotEmpty();
	}

	@Test
	void getSessionWhenRequiredFieldIsMissingThrowsProtocolError() {
		answer(json(200, Fixtures.resource("session-created.json").replace("\"createdAt\"", "\"created\"")));
		assertThat(get(LoveandpayProtocolException.class).getMessage()).contains("kyc.sessions.get");
	}

	@Test
	void getSessionWhenOkBodyIsEmptyThrowsProtocolError() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));
		assertThat(get(LoveandpayProtocolException.class).getMessage()).contains("empty body");
	}

	@Test
	void getSessionWhenOkBodyIsHtmlThrowsProtocolErrorWithoutTheHtml() {
		answer(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody("<html>Welcome Иван</html>"));
		LoveandpayProtocolException ex = get(LoveandpayProtocolException.class);
		assertThat(ex.getMessage()).contains("text/html").doesNotContain("<html>");
	}

	@Test
	void getSessionWhenOkBodySaysFailureThrowsTheErrorItDescribes() {
		answer(json(200,
				"{\"success\":false,\"error\":{\"code\":\"PARTNER_INACTIVE\",\"message\":\"Partner inactive\"}}"));
		LoveandpayApiException ex = get(LoveandpayApiException.class);
		assertThat(ex.statusCode()).isEqualTo(200);
		assertThat(ex.errorCode()).isEqualTo("PARTNER_INACTIVE");
	}

	@Test
	void getSessionWhenOkBodyHasNoSessionThrowsProtocolError() {
		answer(json(200, "{\"success\":true}"));
		assertThat(get(LoveandpayProtocolException.class).getMessage()).contains("'session'");
	}

	@Test
	void listSessionsWhenPaginationIsMissingThrowsProtocolError() {
		answer(json(200, "{\"success\":true,\"data\":[]}"));
		Throwable failure = assertFails(this.service.listSessions(KycSessionQuery.all()));
		assertThat(failure).isInstanceOf(LoveandpayProtocolException.class).hasMessageContaining("pagination");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"limit":0          | pagination.limit
			"limit":101        | pagination.limit
			"limit":-1         | pagination.limit
			"total":-1         | pagination.total
			"offset":-50       | pagination.offset
			"offset":50        | pagination.offset
			"pages":-1         | pagination.pages
			""")
	void listSessionsWithImpossiblePagingThrowsProtocolErrorNamingTheField(String figure, String field) {
		String name = figure.substring(0, figure.indexOf(':'));
		String pagination = "{\"total\":2,\"limit\":50,\"offset\":0,\"pages\":1}".replaceFirst(name + ":[0-9]+",
				figure);
		answer(json(200, "{\"success\":true,\"data\":[" + Fixtures.listItem(Fixtures.id(1), "APPROVED")
				+ "],\"pagination\":" + pagination + "}"));
		Throwable failure = assertFails(this.service.listSessions(KycSessionQuery.all()));
		assertThat(failure).isInstanceOf(LoveandpayProtocolException.class).hasMessageContaining("'" + field + "'");
	}

	@Test
	void listSessionsWithPageSizeZeroAndNoPageCountThrowsProtocolError() {
		answer(json(200, "{\"success\":true,\"data\":[],\"pagination\":{\"total\":5,\"limit\":0}}"));
		Throwable failure = assertFails(this.service.listSessions(KycSessionQuery.all()));
		assertThat(failure).isInstanceOf(LoveandpayProtocolException.class).hasMessageContaining("'pagination.limit'");
	}

	@Test
	void listSessionsWithMoreSessionsThanThePageSizeThrowsProtocolError() {
		answer(json(200, Fixtures.page(List.of(Fixtures.id(1), Fixtures.id(2)), 2, 1, 0)));
		Throwable failure = assertFails(this.service.listSessions(KycSessionQuery.builder().limit(1).build()));
		assertThat(failure).isInstanceOf(LoveandpayProtocolException.class).hasMessageContaining("'data'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "status", "createdAt" })
	void getSessionWithoutARequiredFieldThrowsProtocolErrorNamingIt(String field) {
		answer(json(200,
				Fixtures.resource("session-approved.json").replaceFirst("\"" + field + "\"", "\"x" + field + "\"")));
		assertThat(get(LoveandpayProtocolException.class).getMessage()).contains("'session." + field + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "status", "createdAt" })
	void getSessionWithANullRequiredFieldThrowsProtocolErrorNamingIt(String field) {
		answer(json(200, Fixtures.resource("session-approved.json")
			.replaceFirst("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": null")));
		assertThat(get(LoveandpayProtocolException.class).getMessage()).contains("'session." + field + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "status", "createdAt" })
	void listSessionsWithAnItemWithoutARequiredFieldThrowsProtocolErrorNamingIt(String field) {
		String first = Fixtures.listItem(Fixtures.id(1), "IN_PROGRESS")
			.replace("\"" + field + "\"", "\"x" + field + "\"");
		answer(json(200, "{\"success\":true,\"data\":[" + first + "," + Fixtures.listItem(Fixtures.id(2), "APPROVED")
				+ "],\"pagination\":{\"total\":2,\"limit\":50,\"offset\":0,\"pages\":1}}"));
		Throwable failure = assertFails(this.service.listSessions(KycSessionQuery.all()));
		assertThat(failure).isInstanceOf(LoveandpayProtocolException.class)
			.hasMessageContaining("'data[0]." + field + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(document.cookie)", "/verify/550e8400", "kyc.loveandpay.io/verify/1",
			"ftp://kyc.loveandpay.io/verify/1", "https://ivan.petrov@kyc.loveandpay.io/verify/1", "data:text/html,hi",
			"https:///verify/1" })
	void getSessionWithAnUnsafeVerificationUrlThrowsProtocolErrorWithoutTheUrl(String url) {
		answer(json(200, Fixtures.resource("session-approved.json")
			.replace("https://kyc.loveandpay.io/verify/550e8400-e29b-41d4-a716-446655440000", url)));
		LoveandpayProtocolException ex = get(LoveandpayProtocolException.class);
		assertThat(ex.getMessage()).contains("'session.verificationUrl'").doesNotContain(url);
	}

	@Test
	void getSessionWithAVerificationUrlLongerThanBrowsersHandleThrowsProtocolError() {
		// 900,000 characters are already stopped by the answer size limit.
		answer(json(200, Fixtures.resource("session-approved.json")
			.replace("/verify/550e8400", "/verify/" + "a".repeat(VerificationUrls.MAX_LENGTH))));
		assertThat(get(LoveandpayProtocolException.class).getMessage()).contains("'session.verificationUrl'")
			.hasSizeLessThan(1_000);
	}

	@Test
	void getSessionWithAPlainHttpVerificationUrlFromAnHttpsApiThrowsProtocolError() {
		KycSessionService service = KycSessionService.create(
				LoveandpayApiClient
					.builder(TestClients.webClientBuilder(server.baseUrl())
						.filter(TestClients.signingFilter(Clock.fixed(NOW, ZoneOffset.UTC)))
						.build())
					.baseUrl(URI.create("https://api.prod.loveandpay.io/api/v2"))
					.build());
		answer(json(200, Fixtures.resource("session-approved.json").replace("https://kyc", "http://kyc")));
		Throwable failure = assertFails(service.getSession(ID));
		assertThat(failure).isInstanceOf(LoveandpayProtocolException.class)
			.hasMessageContaining("'session.verificationUrl'");
	}

	@Test
	void getSessionAcceptsAPlainHttpVerificationUrlFromALoopbackHttpStandIn() {
		answer(json(200, Fixtures.resource("session-approved.json")
			.replace("https://kyc.loveandpay.io", server.baseUrl().replace("localhost", "127.0.0.1"))));
		assertThat(this.service.getSession(ID).block(WAIT).verificationUrl()).hasScheme("http");
	}

	@Test
	void createSessionWithAnUnsafeVerificationUrlIsOutcomeUnknownAfterOneRequest() {
		answer(json(201, Fixtures.resource("session-created.json")
			.replaceFirst("\"verificationUrl\": *\"[^\"]*\"", "\"verificationUrl\": \"javascript:alert(1)\"")));
		LoveandpayOutcomeUnknownException ex = create(LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getMessage()).contains("'session.verificationUrl'", "customerId").doesNotContain("javascript");
		assertThat(ex.getCause()).isInstanceOf(LoveandpayProtocolException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void createSessionAnsweredWithoutACreationTimeIsOutcomeUnknown() {
		answer(json(201, Fixtures.resource("session-created.json").replace("\"createdAt\"", "\"created\"")));
		LoveandpayOutcomeUnknownException ex = create(LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getMessage()).contains("'session.createdAt'");
		assertThat(requests()).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource({ "faceMatchScore,1.5", "faceMatchScore,-0.1", "livenessScore,2", "livenessScore,-1" })
	void getSessionWithAScoreOutsideZeroToOneThrowsProtocolErrorNamingIt(String field, String score) {
		answer(json(200, Fixtures.resource("session-approved.json")
			.replaceFirst("\"" + field + "\": *[0-9.]+", "\"" + field + "\": " + score)));
		assertThat(get(LoveandpayProtocolException.class).getMessage())
			.contains("'session.verification." + field + "'");
	}

	@Test
	void getSessionWhenConnectionIsResetThrowsTransportError() {
		answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		get(LoveandpayTransportException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void createSessionWhenConnectionIsResetAfterSendingIsOutcomeUnknownAfterOneRequest() {
		answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		LoveandpayOutcomeUnknownException ex = create(LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getMessage()).contains("kyc.sessions.create", "may or may not", "customerId");
		assertThat(ex.getCause()).isInstanceOf(LoveandpayTransportException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void createSessionWhenServerClosesWithoutAnswerIsOutcomeUnknownAfterOneRequest() {
		answer(aResponse().withFault(Fault.EMPTY_RESPONSE));
		create(LoveandpayOutcomeUnknownException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void createSessionWhenAnswerIsUnreadableIsOutcomeUnknown() {
		answer(json(201, "{\"success\":true,\"session\":{\"id\":"));
		LoveandpayOutcomeUnknownException ex = create(LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getCause()).isInstanceOf(LoveandpayProtocolException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 304, 307, 308, 600 })
	void createSessionAnsweredNeitherWithSuccessNorRefusalIsOutcomeUnknownAndNoRedirectIsFollowed(int status) {
		answer(aResponse().withStatus(status).withHeader("Location", server.baseUrl() + "/elsewhere"));
		LoveandpayOutcomeUnknownException ex = create(LoveandpayOutcomeUnknownException.class);
		assertThat(ex.getMessage()).contains("HTTP " + status, "customerId");
		assertThat(ex.getCause()).isInstanceOf(LoveandpayProtocolException.class);
		assertThat(Received.requests(server)).singleElement()
			.satisfies((request) -> assertThat(request.getUrl()).isEqualTo("/api/v2/kyc/sessions"));
	}

	@Test
	void getSessionAnsweredWithARedirectIsAProtocolErrorAndTheRedirectIsNotFollowed() {
		answer(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + "/elsewhere"));
		LoveandpayProtocolException ex = get(LoveandpayProtocolException.class);
		assertThat(ex.getMessage()).contains("HTTP 302", "redirects are not followed");
		assertThat(Received.requests(server)).singleElement()
			.satisfies((request) -> assertThat(request.getUrl()).startsWith("/api/v2/kyc/sessions/"));
	}

	@Test
	void getSessionWhenServerIsSlowThrowsTimeout() {
		answer(json(200, Fixtures.resource("session-approved.json")).withFixedDelay(3000));
		long start = System.nanoTime();
		Throwable failure = assertFails(this.impatient.getSession(ID));
		assertThat(failure).isInstanceOf(LoveandpayTimeoutException.class);
		LoveandpayTimeoutException ex = (LoveandpayTimeoutException) failure;
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(ex.getMessage()).contains("timed out");
	}

	@Test
	void createSessionWhenServerIsSlowIsOutcomeUnknownWithTimeoutCause() {
		answer(json(201, Fixtures.resource("session-created.json")).withFixedDelay(3000));
		Throwable failure = assertFails(this.impatient.createSession(CreateKycSessionRequest.builder().build()));
		assertThat(failure).isInstanceOf(LoveandpayOutcomeUnknownException.class);
		assertThat(failure.getCause()).isInstanceOf(LoveandpayTimeoutException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void createSessionWhenConnectionIsRefusedIsATransportErrorNotOutcomeUnknown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		KycSessionService unreachable = KycSessionService
			.create(TestClients.apiClient("http://127.0.0.1:" + closedPort, Clock.systemUTC()));
		Throwable failure = assertFails(unreachable.createSession(CreateKycSessionRequest.builder().build()));
		assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
			.isNotInstanceOf(LoveandpayOutcomeUnknownException.class)
			.hasMessageContaining("kyc.sessions.create");
	}

	@Test
	void getSessionWhenTheAnswerIsNotHttpDoesNotQuoteItsBytes() throws Exception {
		// reactor-netty itself logs the decoder's complaint, which quotes the bytes, at
		// WARN: the README tells users to raise this logger to ERROR, as done here.
		ch.qos.logback.classic.Logger connect = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("reactor.netty.http.client.HttpClientConnect");
		connect.setLevel(ch.qos.logback.classic.Level.ERROR);
		try (ServerSocket garbage = new ServerSocket(0)) {
			Thread responder = new Thread(() -> {
				try (java.net.Socket socket = garbage.accept()) {
					socket.getInputStream().read(new byte[4096]);
					socket.getOutputStream()
						.write("****8831/1990-05-14 ivan.petrov@example.com\r\n\r\n"
							.getBytes(java.nio.charset.StandardCharsets.UTF_8));
					socket.getOutputStream().flush();
				}
				catch (IOException ex) {
					// the client closed first
				}
			});
			responder.start();
			KycSessionService service = KycSessionService
				.create(TestClients.apiClient("http://127.0.0.1:" + garbage.getLocalPort(), Clock.systemUTC()));
			Throwable failure = assertFails(service.getSession(ID));
			assertThat(failure).isInstanceOf(LoveandpayTransportException.class);
			responder.join(5000);
		}
		finally {
			connect.setLevel(null);
		}
	}

	@Test
	void callerMistakesAreRefusedBeforeAnyRequest() {
		answer(json(200, "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.getSession(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.findSession(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.createSession(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.listSessions(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.streamSessions(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.blocking().getSession(null));
		assertThat(requests()).isZero();
	}

	@Test
	void everyFailureIsALoveandpayException() {
		answer(json(418, "{\"error\":\"TEAPOT\"}"));
		assertThatExceptionOfType(LoveandpayException.class).isThrownBy(() -> this.service.blocking().getSession(ID))
			.isInstanceOf(LoveandpayInvalidRequestException.class);
	}

}
