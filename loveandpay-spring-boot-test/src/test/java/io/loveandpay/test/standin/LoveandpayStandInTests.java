package io.loveandpay.test.standin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.loveandpay.test.junit.LoveandpayStandInExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link LoveandpayStandIn} over raw HTTP: the provider's checks, codes and
 * shapes, and its limits.
 */
@ExtendWith(LoveandpayStandInExtension.class)
class LoveandpayStandInTests {

	private static final String SESSIONS = "/api/v2/kyc/sessions";

	private final LoveandpayStandIn standIn;

	LoveandpayStandInTests(LoveandpayStandIn standIn) {
		this.standIn = standIn;
	}

	@Test
	void startsOnLoopbackQuicklyAndPrintsItsStartTime() {
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			try (LoveandpayStandIn fresh = LoveandpayStandIn.builder().start()) {
				HttpResponse<String> answer = StandInClients
					.send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/nowhere")).build());
				assertThat(answer.statusCode()).isEqualTo(404);
				nanos.add(System.nanoTime() - start);
			}
		}
		nanos.sort(Long::compare);
		System.out.println("STANDIN_START_TO_FIRST_ANSWER_MS median=" + nanos.get(2) / 1_000_000 + " all="
				+ nanos.stream().map((n) -> n / 1_000_000).toList());
		assertThat(this.standIn.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + this.standIn.port() + "/api/v2");
		assertThat(this.standIn.clientBaseUrl().toString()).isEqualTo("http://127.0.0.1:" + this.standIn.port());
	}

	@Test
	void listensOnAGivenPort() throws java.io.IOException {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		try (LoveandpayStandIn fixed = LoveandpayStandIn.builder().port(port).start()) {
			assertThat(fixed.port()).isEqualTo(port);
			assertThat(StandInClients
				.send(StandInClients.signed(fixed, fixed.secretKey(), "GET", SESSIONS, "", now()).build())
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void sessionFaultsHitOnlyThatSession() {
		send("POST", SESSIONS, "{}", this.standIn.secretKey(), now());
		send("POST", SESSIONS, "{}", this.standIn.secretKey(), now());
		List<StandInSession> sessions = this.standIn.sessions().all();
		this.standIn.faults().onSession(sessions.get(0).id()).failNext(1, 503);
		assertThat(send("GET", SESSIONS + "/" + sessions.get(1).id(), "", this.standIn.secretKey(), now()).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", SESSIONS + "/" + sessions.get(0).id(), "", this.standIn.secretKey(), now()).statusCode())
			.isEqualTo(503);
		assertThat(send("GET", SESSIONS + "/" + sessions.get(0).id(), "", this.standIn.secretKey(), now()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void refusesLiveKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoveandpayStandIn.builder().apiKey("pk_live_abc"))
			.withMessageContaining("live");
		assertThatIllegalArgumentException().isThrownBy(() -> LoveandpayStandIn.builder().secretKey("sk_live_abc"))
			.withMessageContaining("live");
	}

	@Test
	void signsAsTheProviderDocumentsInItsTestVectors() {
		RequestCheck check = new RequestCheck("pk_test_xyz", "sk_test_xyz", Duration.ofMinutes(5));
		assertThat(check.sign("GET", "/api/v2/kyc/sessions/550e8400-e29b-41d4-a716-446655440000", "1706012345678",
				new byte[0]))
			.isEqualTo("83e6d54eee8120acc66ff387f6f49a214944d514a76cb970b80691cdfc1ca34c");
		assertThat(check.sign("GET", "/api/v2/kyc/sessions", "1706012345678", new byte[0]))
			.isEqualTo("1e11e9fcc8d721d03ddd63c2a623b7755eb0f11e3632b6cd524b80f8d9135dba");
		assertThat(check.sign("POST", "/api/v2/kyc/sessions", "1706012345678",
				"{\"customerEmail\":\"client@example.com\",\"language\":\"ru\"}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("4cc5256d85586b678971c86d0f4bd216cbdfc61214d317283a5d6808a1e54ad1");
	}

	@Test
	void signedRequestIsServedAndJournaledAsValid() {
		HttpResponse<String> answer = send("POST", SESSIONS, "{\"customerEmail\":\"client@example.com\"}",
				this.standIn.secretKey(), now());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"success\":true", "\"status\":\"NOT_STARTED\"",
				"\"verificationUrl\":\"http://127.0.0.1:" + this.standIn.port() + "/verify/");
		assertThat(answer.headers().firstValue("x-request-id")).isPresent();
		assertThat(this.standIn.journal().requests()).singleElement().satisfies((request) -> {
			assertThat(request.signature()).isEqualTo(SignatureVerdict.VALID);
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.requestId()).isEqualTo(answer.headers().firstValue("x-request-id").orElseThrow());
		});
		assertThat(this.standIn.sessions().count()).isOne();
	}

	@Test
	void wrongSignatureGetsInvalidSignature() {
		HttpResponse<String> answer = send("GET", SESSIONS, "", "sk_test_wrong", now());
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("\"success\":false", "\"code\":\"INVALID_SIGNATURE\"",
				"\"requestId\":\"" + answer.headers().firstValue("x-request-id").orElseThrow() + "\"");
		assertThat(this.standIn.journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.signature()).isEqualTo(SignatureVerdict.INVALID));
	}

	@Test
	void signatureOverAShortenedPathGetsInvalidSignature() {
		long now = now();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.standIn.baseUrl() + "/kyc/sessions"))
			.header("x-api-key", this.standIn.apiKey())
			.header("x-timestamp", Long.toString(now))
			.header("x-signature",
					StandInClients.signature(this.standIn.secretKey(), "GET", "/kyc/sessions", Long.toString(now),
							new byte[0]))
			.build();
		HttpResponse<String> answer = StandInClients.send(request);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("INVALID_SIGNATURE");
	}

	@Test
	void missingHeadersGetMissingHeaders() {
		HttpResponse<String> answer = StandInClients
			.send(HttpRequest.newBuilder(URI.create(this.standIn.baseUrl() + "/kyc/sessions")).build());
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("\"code\":\"MISSING_HEADERS\"");
		assertThat(answer.headers().firstValue("x-request-id")).isPresent();
		assertThat(this.standIn.journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.signature()).isEqualTo(SignatureVerdict.MISSING));
	}

	@Test
	void expiredTimestampGetsTimestampExpiredWithDate() {
		HttpResponse<String> answer = send("GET", SESSIONS, "", this.standIn.secretKey(),
				now() - Duration.ofMinutes(6).toMillis());
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("\"code\":\"TIMESTAMP_EXPIRED\"");
		Instant date = ZonedDateTime
			.parse(answer.headers().firstValue("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME)
			.toInstant();
		assertThat(date).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
		assertThat(this.standIn.journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.signature()).isEqualTo(SignatureVerdict.VALID));
	}

	@Test
	void timestampToleranceIsConfigurable() {
		try (LoveandpayStandIn strict = LoveandpayStandIn.builder()
			.timestampTolerance(Duration.ofSeconds(30))
			.start()) {
			HttpResponse<String> answer = StandInClients.send(StandInClients
				.signed(strict, strict.secretKey(), "GET", SESSIONS, "", now() - Duration.ofSeconds(45).toMillis())
				.build());
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.body()).contains("TIMESTAMP_EXPIRED");
		}
		assertThat(send("GET", SESSIONS, "", this.standIn.secretKey(), now() - Duration.ofSeconds(45).toMillis())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void scriptedFailuresUseEitherErrorShape() {
		this.standIn.faults().onList().failNext(1, 403, "API_BLOCKED").failNextFlat(1, 400, "NO_TERMINAL");
		HttpResponse<String> nested = send("GET", SESSIONS, "", this.standIn.secretKey(), now());
		assertThat(nested.statusCode()).isEqualTo(403);
		assertThat(nested.body()).startsWith("{\"success\":false,\"error\":{\"code\":\"API_BLOCKED\"");
		HttpResponse<String> flat = send("GET", SESSIONS, "", this.standIn.secretKey(), now());
		assertThat(flat.statusCode()).isEqualTo(400);
		assertThat(flat.body()).startsWith("{\"error\":\"NO_TERMINAL\",\"code\":\"NO_TERMINAL\"");
		assertThat(send("GET", SESSIONS, "", this.standIn.secretKey(), now()).statusCode()).isEqualTo(200);
	}

	@Test
	void clockOffsetPutsTheApplicationClockBehindTheDateHeader() {
		this.standIn.faults().clockOffset(Duration.ofMinutes(10));
		long applicationNow = this.standIn.applicationClock().millis();
		assertThat(applicationNow).isBetween(now() - Duration.ofMinutes(11).toMillis(),
				now() - Duration.ofMinutes(9).toMillis());
		HttpResponse<String> answer = send("GET", SESSIONS, "", this.standIn.secretKey(), applicationNow);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("TIMESTAMP_EXPIRED");
		Instant date = ZonedDateTime
			.parse(answer.headers().firstValue("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME)
			.toInstant();
		assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
		assertThat(send("GET", SESSIONS, "", this.standIn.secretKey(), now()).statusCode()).isEqualTo(200);
		this.standIn.faults().clockOffset(Duration.ZERO);
		assertThat(this.standIn.applicationClock().millis()).isGreaterThanOrEqualTo(now() - 1000);
	}

	@Test
	void wrongApiKeyIsRefused() {
		long now = now();
		HttpRequest request = StandInClients.signed(this.standIn, this.standIn.secretKey(), "GET", SESSIONS, "", now)
			.setHeader("x-api-key", "pk_test_other")
			.build();
		HttpResponse<String> answer = StandInClients.send(request);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("\"success\":false", "INVALID_API_KEY");
	}

	@Test
	void unknownPathGetsNotFound() {
		HttpResponse<String> answer = send("GET", "/api/v2/kyc/nothing", "", this.standIn.secretKey(), now());
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Not found\"}");
		assertThat(answer.headers().firstValue("x-request-id")).isPresent();
	}

	@Test
	void unknownSessionGetsNotFoundInTheProviderShape() {
		HttpResponse<String> answer = send("GET", SESSIONS + "/550e8400-e29b-41d4-a716-446655440000", "",
				this.standIn.secretKey(), now());
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("\"success\":false", "\"error\":{\"code\":\"NOT_FOUND\"");
	}

	@Test
	void invalidCreateGetsValidationError() {
		for (String body : List.of("{\"language\":\"de\"}", "{\"invoiceId\":\"not-a-uuid\"}",
				"{\"customerEmail\":\"nope\"}", "{\"callbackUrl\":\"javascript:alert(1)\"}", "[1,2]",
				"{\"customerPhone\":\"call me\"}")) {
			HttpResponse<String> answer = send("POST", SESSIONS, body, this.standIn.secretKey(), now());
			assertThat(answer.statusCode()).as(body).isEqualTo(400);
			assertThat(answer.body()).as(body).contains("\"code\":\"VALIDATION_ERROR\"");
		}
		assertThat(this.standIn.sessions().count()).isZero();
	}

	@Test
	void overTheRateLimitGets429WithRetryAfter() {
		try (LoveandpayStandIn limited = LoveandpayStandIn.builder().rateLimits(3, 100).start()) {
			List<Integer> statuses = new ArrayList<>();
			HttpResponse<String> last = null;
			for (int i = 0; i < 4; i++) {
				last = StandInClients.send(StandInClients
					.signed(limited, limited.secretKey(), "GET", SESSIONS, "", System.currentTimeMillis())
					.build());
				statuses.add(last.statusCode());
			}
			assertThat(statuses).containsExactly(200, 200, 200, 429);
			assertThat(last.body()).contains("\"code\":\"RATE_LIMIT_EXCEEDED\"");
			assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
			limited.reset();
			assertThat(StandInClients
				.send(StandInClients
					.signed(limited, limited.secretKey(), "GET", SESSIONS, "", System.currentTimeMillis())
					.build())
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void rateLimitOverAShortWindowLiftsWhenItsOldestRequestLeavesTheWindow() {
		SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
		try (LoveandpayStandIn limited = LoveandpayStandIn.builder()
			.clock(clock)
			.rateLimit(2, Duration.ofSeconds(5))
			.start()) {
			assertThat(sendAt(limited, clock)).isEqualTo(200);
			clock.advance(Duration.ofSeconds(3));
			assertThat(sendAt(limited, clock)).isEqualTo(200);
			assertThat(sendAt(limited, clock)).as("a third in 5 s").isEqualTo(429);
			clock.advance(Duration.ofMillis(1999));
			assertThat(sendAt(limited, clock)).as("the first is still in the window").isEqualTo(429);
			clock.advance(Duration.ofMillis(1));
			assertThat(sendAt(limited, clock)).as("the first has left the window").isEqualTo(200);
			assertThat(sendAt(limited, clock)).isEqualTo(429);
		}
	}

	private static int sendAt(LoveandpayStandIn standIn, Clock clock) {
		return StandInClients
			.send(StandInClients.signed(standIn, standIn.secretKey(), "GET", SESSIONS, "", clock.millis()).build())
			.statusCode();
	}

	/**
	 * A clock that tests move by hand.
	 */
	static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void providerLimitsApplyByDefaultAndCanBeTurnedOff() {
		for (int i = 0; i < 100; i++) {
			assertThat(send("GET", SESSIONS, "", this.standIn.secretKey(), now()).statusCode()).isEqualTo(200);
		}
		assertThat(send("GET", SESSIONS, "", this.standIn.secretKey(), now()).statusCode()).isEqualTo(429);
		try (LoveandpayStandIn unlimited = LoveandpayStandIn.builder().noRateLimits().start()) {
			for (int i = 0; i < 101; i++) {
				assertThat(
						StandInClients
							.send(StandInClients.signed(unlimited, unlimited.secretKey(), "GET", SESSIONS, "",
									System.currentTimeMillis())
								.build())
							.statusCode())
					.isEqualTo(200);
			}
		}
	}

	@Test
	void scriptedResetClosesTheConnectionWithoutCreating() {
		this.standIn.faults().onCreate().resetConnection();
		HttpRequest request = StandInClients
			.signed(this.standIn, this.standIn.secretKey(), "POST", SESSIONS, "{}", now())
			.build();
		assertThatException().isThrownBy(() -> StandInClients.send(request));
		assertThat(this.standIn.journal().requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.answerLost()).isTrue();
			assertThat(recorded.signature()).isEqualTo(SignatureVerdict.VALID);
		});
		assertThat(this.standIn.sessions().count()).isZero();
	}

	@Test
	void scriptedLostAnswerCreatesAndClosesTheConnection() {
		this.standIn.faults().onCreate().loseAnswerAfterCreating();
		HttpRequest request = StandInClients
			.signed(this.standIn, this.standIn.secretKey(), "POST", SESSIONS, "{}", now())
			.build();
		assertThatException().isThrownBy(() -> StandInClients.send(request));
		assertThat(this.standIn.journal().requests()).singleElement()
			.satisfies((recorded) -> assertThat(recorded.answerLost()).isTrue());
		assertThat(this.standIn.sessions().count()).isOne();
		assertThat(this.standIn.faults().onCreate().remaining()).isZero();
	}

	private HttpResponse<String> send(String method, String path, String body, String secret, long timestamp) {
		return StandInClients.send(StandInClients.signed(this.standIn, secret, method, path, body, timestamp).build());
	}

	private static long now() {
		return System.currentTimeMillis();
	}

}
