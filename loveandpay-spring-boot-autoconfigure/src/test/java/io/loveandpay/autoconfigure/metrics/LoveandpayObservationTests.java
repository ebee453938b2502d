package io.loveandpay.autoconfigure.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.loveandpay.client.DefaultLoveandpayObservationConvention;
import io.loveandpay.client.LoveandpayObservationContext;
import io.loveandpay.client.LoveandpayObservationConvention;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Checkout;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the observation of every call ({@code loveandpay.client.requests}) and the
 * client's other meters.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayObservationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}");

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private ApplicationContextRunner runner(String baseUrl) {
		return LoveandpayRunners.configured(new ApplicationContextRunner(), LoveandpayMetricsAutoConfiguration.class)
			.withConfiguration(LoveandpayRunners.metricsAutoConfiguration())
			.withPropertyValues(LoveandpayRunners.baseUrl(baseUrl), "loveandpay.retry.initial-backoff=10ms",
					"loveandpay.retry.max-backoff=50ms", "loveandpay.response-timeout=2s",
					// A 429 here would hold back the calls that follow it: the quota's
					// own outcomes are tested in QuotaMetricsTests.
					"loveandpay.quota.enabled=false");
	}

	private ApplicationContextRunner runner() {
		return runner(server.baseUrl());
	}

	private static KycSessionService service(AssertableApplicationContext context) {
		return context.getBean(KycSessionService.class);
	}

	private static Collection<Timer> timers(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class).find("loveandpay.client.requests").timers();
	}

	private static Set<String> tagValues(AssertableApplicationContext context, String key) {
		return timers(context).stream().map((timer) -> timer.getId().getTag(key)).collect(Collectors.toSet());
	}

	private static Timer timer(AssertableApplicationContext context, String... tags) {
		return context.getBean(MeterRegistry.class).get("loveandpay.client.requests").tags(tags).timer();
	}

	private static void answer(ResponseDefinitionBuilder response) {
		server.stubFor(any(anyUrl()).willReturn(response));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static void quietly(Mono<?> call) {
		call.onErrorResume((ex) -> Mono.empty()).block(WAIT);
	}

	@Test
	void everyOperationIsTimedWithItsOutcomeStatusAndErrorCode() {
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID)
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		server.stubFor(post("/api/v2/kyc/sessions")
			.willReturn(json(400, "{\"error\":\"NO_TERMINAL\",\"code\":\"NO_TERMINAL\",\"message\":\"No terminal\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions"))
			.willReturn(okJson(Fixtures.page(List.of(Fixtures.id(1)), 1, 50, 0))));
		runner().run((context) -> {
			KycSessionService service = service(context);
			service.getSession(Fixtures.APPROVED_ID).block(WAIT);
			quietly(service.createSession(CreateKycSessionRequest.builder().build()));
			service.listSessions(KycSessionQuery.all()).block(WAIT);
			assertThat(timer(context, "operation", "kyc.sessions.get", "outcome", "SUCCESS", "status", "200",
					"error.code", "none")
				.count()).isEqualTo(1);
			assertThat(timer(context, "operation", "kyc.sessions.create", "outcome", "CLIENT_ERROR", "status", "400",
					"error.code", "NO_TERMINAL")
				.count()).isEqualTo(1);
			assertThat(timer(context, "operation", "kyc.sessions.list", "outcome", "SUCCESS").count()).isEqualTo(1);
			assertNoIdsInTags(context);
		});
	}

	@Test
	void failuresHaveTheirOwnOutcomeAndStatus() throws IOException {
		runner().run((context) -> {
			KycSessionService service = service(context);
			answer(json(503, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\"}}"));
			quietly(service.getSession(Fixtures.id(1)));
			server.resetAll();
			answer(json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}").withHeader("Retry-After", "600"));
			quietly(service.getSession(Fixtures.id(2)));
			server.resetAll();
			answer(okJson("{}").withFixedDelay(4000));
			quietly(service.getSession(Fixtures.id(3)));
			server.resetAll();
			answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html/>"));
			quietly(service.getSession(Fixtures.id(4)));
			server.resetAll();
			answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
			quietly(service.createSession(CreateKycSessionRequest.builder().build()));
			server.resetAll();
			answer(json(200, "{\"success\":false,\"error\":{\"code\":\"bad code!\"}}"));
			quietly(service.getSession(Fixtures.id(5)));
			assertThat(
					timer(context, "outcome", "SERVER_ERROR", "status", "503", "error.code", "INTERNAL_ERROR").count())
				.isEqualTo(1);
			assertThat(timer(context, "outcome", "RATE_LIMITED", "status", "429", "error.code", "RATE_LIMIT_EXCEEDED")
				.count()).isEqualTo(1);
			assertThat(timer(context, "outcome", "TIMEOUT", "status", "TIMEOUT").count()).isEqualTo(1);
			assertThat(timer(context, "outcome", "PROTOCOL_ERROR", "status", "200").count()).isEqualTo(1);
			assertThat(timer(context, "operation", "kyc.sessions.create", "outcome", "OUTCOME_UNKNOWN", "status",
					"IO_ERROR")
				.count()).isEqualTo(1);
			assertThat(timer(context, "outcome", "CLIENT_ERROR", "status", "200", "error.code", "OTHER").count())
				.isEqualTo(1);
		});
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		runner("http://127.0.0.1:" + closed).run((context) -> {
			quietly(service(context).getSession(Fixtures.id(6)));
			assertThat(timer(context, "outcome", "TRANSPORT_ERROR", "status", "IO_ERROR", "error.code", "none").count())
				.isEqualTo(1);
		});
	}

	@Test
	void aCancelledCallIsTimedAsCancelled() {
		answer(okJson("{}").withFixedDelay(3000));
		runner().withPropertyValues("loveandpay.response-timeout=10s").run((context) -> {
			service(context).getSession(Fixtures.id(1))
				.timeout(Duration.ofMillis(200))
				.onErrorResume((ex) -> Mono.empty())
				.block(WAIT);
			assertThat(timer(context, "outcome", "CANCELLED", "status", "NONE").count()).isEqualTo(1);
		});
	}

	@Test
	void retriesAreCountedByOperationAndReason() {
		server.stubFor(any(anyUrl()).inScenario("s")
			.whenScenarioStateIs(STARTED)
			.willReturn(json(503, "{}"))
			.willSetStateTo("1"));
		server.stubFor(any(anyUrl()).inScenario("s")
			.whenScenarioStateIs("1")
			.willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
			.willSetStateTo("2"));
		server.stubFor(any(anyUrl()).inScenario("s")
			.whenScenarioStateIs("2")
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		runner().run((context) -> {
			service(context).getSession(Fixtures.APPROVED_ID).block(WAIT);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("loveandpay.client.retries")
				.tags("operation", "kyc.sessions.get", "reason", "503")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("loveandpay.client.retries")
				.tags("operation", "kyc.sessions.get", "reason", "IO_ERROR")
				.counter()
				.count()).isEqualTo(1);
			assertThat(timer(context, "operation", "kyc.sessions.get", "outcome", "SUCCESS").count())
				.as("one observation for the whole call")
				.isEqualTo(1);
		});
	}

	@Test
	void undocumentedStatusesAndFieldsAreCountedByField() {
		answer(okJson(Fixtures.resource("session-approved.json").replace("\"APPROVED\"", "\"MANUAL_REVIEW\"")));
		runner().run((context) -> {
			service(context).getSession(Fixtures.APPROVED_ID).block(WAIT);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("loveandpay.client.undocumented.values")
				.tags("field", "KycSession.status")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("loveandpay.client.undocumented.values")
				.tags("field", "KycSession.someFutureField")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void clockOffsetIsAGaugeInSeconds() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5).withNano(0));
		server.stubFor(any(anyUrl()).inScenario("skew")
			.whenScenarioStateIs(STARTED)
			.willReturn(json(401, "{\"success\":false,\"error\":{\"code\":\"TIMESTAMP_EXPIRED\"}}").withHeader("Date",
					date))
			.willSetStateTo("ok"));
		server.stubFor(any(anyUrl()).inScenario("skew")
			.whenScenarioStateIs("ok")
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		runner().run((context) -> {
			Gauge gauge = context.getBean(MeterRegistry.class).get("loveandpay.client.clock.offset").gauge();
			assertThat(gauge.value()).isZero();
			service(context).getSession(Fixtures.APPROVED_ID).block(WAIT);
			assertThat(gauge.value()).isBetween(290.0, 310.0);
		});
	}

	@Test
	void theApplicationsConventionReplacesTheDefault() {
		answer(okJson(Fixtures.resource("session-approved.json")));
		LoveandpayObservationConvention mine = new DefaultLoveandpayObservationConvention() {

			@Override
			public String getName() {
				return "payments.kyc.calls";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(LoveandpayObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "onboarding");
			}

		};
		runner().withBean(LoveandpayObservationConvention.class, () -> mine).run((context) -> {
			service(context).getSession(Fixtures.APPROVED_ID).block(WAIT);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("payments.kyc.calls")
				.tags("team", "onboarding", "operation", "kyc.sessions.get")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.find("loveandpay.client.requests").timers()).isEmpty();
		});
	}

	@Test
	void startUpLogsOneLineWithModeAndBaseUrlAndNothingSecret(CapturedOutput output) {
		runner().withBean(Checkout.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("loveandpay client ready: test mode, " + server.baseUrl() + "/api/v2")
				.doesNotContain(TestClients.SECRET_KEY)
				.doesNotContain(TestClients.API_KEY);
		});
	}

	private static void assertNoIdsInTags(AssertableApplicationContext context) {
		for (Meter meter : context.getBean(MeterRegistry.class).getMeters()) {
			if (meter.getId().getName().startsWith("loveandpay")) {
				for (Tag tag : meter.getId().getTags()) {
					assertThat(UUID_LIKE.matcher(tag.getValue()).find()).as("%s=%s", tag.getKey(), tag.getValue())
						.isFalse();
				}
			}
		}
		assertThat(tagValues(context, "operation")).allMatch((value) -> value.startsWith("kyc.sessions."));
	}

}
