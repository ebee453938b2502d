package io.loveandpay.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code loveandpay} health contributor against a real server.
 */
class LoveandpayHealthTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private ApplicationContextRunner runner(String baseUrl) {
		return LoveandpayRunners
			.configured(new ApplicationContextRunner(), LoveandpayHealthAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class)
			.withPropertyValues(LoveandpayRunners.baseUrl(baseUrl), "loveandpay.health.timeout=3s");
	}

	private ApplicationContextRunner runner() {
		return runner(server.baseUrl());
	}

	private static Health health(AssertableApplicationContext context) {
		Health health = context.getBean("loveandpayHealthIndicator", ReactiveHealthIndicator.class)
			.health()
			.block(WAIT);
		assertThat(Leaks.findIn(health.toString())).isEmpty();
		assertThat(health.toString()).doesNotContain(TestClients.API_KEY);
		return health;
	}

	private static void answer(ResponseDefinitionBuilder response) {
		server.stubFor(any(anyUrl()).willReturn(response));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	@Test
	void upWithBaseUrlModeAndLatencyAfterOneSignedOneItemList() {
		answer(okJson(
				"{\"success\":true,\"data\":[],\"pagination\":{\"total\":0,\"limit\":1,\"offset\":0,\"pages\":0}}"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("baseUrl", server.baseUrl())
				.containsEntry("mode", "test")
				.containsKey("latency");
			assertThat(Received.requests(server)).singleElement().satisfies((request) -> {
				assertThat(request.getUrl()).isEqualTo("/api/v2/kyc/sessions?limit=1");
				SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
			});
		});
	}

	@Test
	void aProbeReportsNoUndocumentedValue() {
		answer(okJson(Fixtures.page(List.of(Fixtures.id(1)), 1, 1, 0)
			.replace("\"success\":true,", "\"success\":true,\"meta\":{},")));
		List<String> fields = new CopyOnWriteArrayList<>();
		LoveandpayClientListener listener = new LoveandpayClientListener() {

			@Override
			public void undocumentedValue(String field) {
				fields.add(field);
			}

		};
		runner().withBean(LoveandpayClientListener.class, () -> listener).run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			assertThat(Received.requests(server)).hasSize(1);
			assertThat(fields).isEmpty();
		});
	}

	@Test
	void registeredAsLoveandpay() {
		runner().run((context) -> assertThat(
				context.getBean(ReactiveHealthContributorRegistry.class).getContributor("loveandpay"))
			.isNotNull());
	}

	@Test
	void downWithCodeAndHintWhenTheSignatureIsRefused() {
		answer(json(401,
				"{\"success\":false,\"error\":{\"code\":\"INVALID_SIGNATURE\",\"message\":\"Bad\",\"requestId\":\"req_9\"}}"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "CREDENTIALS_REFUSED")
				.containsEntry("error.code", "INVALID_SIGNATURE")
				.containsEntry("requestId", "req_9")
				.containsEntry("httpStatus", 401);
			assertThat((String) health.getDetails().get("hint")).contains("loveandpay.secret-key");
			assertThat(Received.requests(server)).hasSize(1);
		});
	}

	@Test
	void downWithCodeAndHintWhenAccessIsDenied() {
		answer(json(403, "{\"success\":false,\"error\":{\"code\":\"SOURCE_IP_NOT_ALLOWED\"}}"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "ACCESS_DENIED")
				.containsEntry("error.code", "SOURCE_IP_NOT_ALLOWED");
			assertThat((String) health.getDetails().get("hint")).contains("allow list");
		});
	}

	@Test
	void downWhenTheBaseUrlAnswersNotFound() {
		answer(json(404, "{\"error\":\"Not found\"}"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "UNEXPECTED_ANSWER");
			assertThat((String) health.getDetails().get("hint")).contains("loveandpay.base-url");
		});
	}

	@Test
	void unknownWhenTheProviderFails() {
		answer(json(503, "{}"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("reason", "PROVIDER_ERROR").containsEntry("httpStatus", 503);
			assertThat(Received.requests(server)).as("a probe is never retried").hasSize(1);
		});
	}

	@Test
	void unknownWhenRateLimited() {
		answer(json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}").withHeader("Retry-After", "20"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("reason", "RATE_LIMITED")
				.containsEntry("error.code", "RATE_LIMIT_EXCEEDED")
				.containsEntry("retryAfter", "20s");
		});
	}

	@Test
	void unknownWhenTheProviderIsTooSlow() {
		answer(okJson("{}").withFixedDelay(3000));
		runner().withPropertyValues("loveandpay.health.timeout=1s").run((context) -> {
			long start = System.nanoTime();
			Health health = health(context);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("reason", "TIMEOUT");
		});
	}

	@Test
	void unknownWhenTheProviderIsUnreachable() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		runner("http://127.0.0.1:" + closed).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("reason", "UNREACHABLE");
		});
	}

	@Test
	void unknownWhenTheAnswerIsUnreadable() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>"));
		runner().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("reason", "UNREADABLE_ANSWER");
		});
	}

	@Test
	void probesWithinTheCacheTtlMakeOneRequestAndLaterOnesAnother() {
		answer(okJson("{\"success\":true}"));
		runner().withPropertyValues("loveandpay.health.cache-ttl=400ms").run((context) -> {
			ReactiveHealthIndicator indicator = context.getBean("loveandpayHealthIndicator",
					ReactiveHealthIndicator.class);
			List<Health> results = Flux.range(0, 20)
				.flatMap((i) -> indicator.health().subscribeOn(Schedulers.parallel()))
				.collectList()
				.block(WAIT);
			assertThat(results).hasSize(20).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
			for (int i = 0; i < 5; i++) {
				indicator.health().block(WAIT);
			}
			assertThat(Received.requests(server)).hasSize(1);
			Mono.delay(Duration.ofMillis(600)).block();
			indicator.health().block(WAIT);
			assertThat(Received.requests(server)).hasSize(2);
		});
	}

	@Test
	void nothingIsSentUntilTheHealthIsAskedFor() {
		answer(okJson("{\"success\":true}"));
		runner().run((context) -> {
			context.getBean("loveandpayHealthIndicator", ReactiveHealthIndicator.class).health();
			assertThat(Received.requests(server)).isEmpty();
		});
	}

	@Test
	void canBeSwitchedOff() {
		runner().withPropertyValues("management.health.loveandpay.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("loveandpayHealthIndicator"));
	}

}
