package io.loveandpay.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.loveandpay.autoconfigure.health.LoveandpayHealthAutoConfiguration;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCall;
import io.loveandpay.client.internal.ProviderAnswer;
import io.loveandpay.client.quota.QuotaLimit;
import io.loveandpay.client.quota.RedisRequestQuota;
import io.loveandpay.testsupport.SlidingWindows;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for several instances sharing one request quota through
 * {@code loveandpay.quota.store=redis}: two application contexts, each with its own Redis
 * connection, against a real {@code redis-server} and a local server that records when
 * each request reached it. The limits are shortened to 20 requests per 5 seconds with a
 * burst of 4.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisRequestQuotaTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final WireMockExtension server = LocalServers.wireMock(32);

	private static final Duration PERIOD = Duration.ofSeconds(5);

	private static final int LIMIT = 20;

	/**
	 * How much later than another a request may reach the server than it left its client:
	 * a window this much shorter than the period holds requests that left within one
	 * period.
	 */
	private static final Duration JITTER = Duration.ofMillis(200);

	private static final Duration BOUND = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = LoveandpayRunners.configured(new ApplicationContextRunner())
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, LoveandpayHealthAutoConfiguration.class))
		.withPropertyValues(redis.properties())
		.withPropertyValues(LoveandpayRunners.baseUrl(server.baseUrl()), "loveandpay.quota.store=redis",
				"loveandpay.quota.limits[0].requests=" + LIMIT, "loveandpay.quota.limits[0].period=5s",
				"loveandpay.quota.limits[0].burst=4", "loveandpay.quota.redis.timeout=1s",
				"loveandpay.quota.redis.retry-interval=500ms", "loveandpay.quota.redis.key-prefix=test:quota:",
				"loveandpay.retry.max-attempts=1", "loveandpay.call-timeout=30s", "loveandpay.response-timeout=5s",
				"loveandpay.health.cache-ttl=1ms");

	@BeforeEach
	void answer() {
		server.resetAll();
		redis.restart();
		server.stubFor(get(urlPathEqualTo("/api/v2/things")).willReturn(okJson("{\"success\":true}")));
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions"))
			.willReturn(okJson("{\"success\":true,\"data\":[],\"pagination\":{}}")));
	}

	@Test
	void twoInstancesAsFastAsTheyCanStayWithinTheLimitInEverySlidingWindow() {
		runTwoInstances((one, two) -> {
			assertThat(one.getBean(LoveandpayRequestQuota.class)).isInstanceOf(RedisRequestQuota.class);
			awaitShared(one);
			awaitShared(two);
			call(one, "/things").block(BOUND);
			call(two, "/things").block(BOUND);
			server.resetRequests();
			Duration run = Duration.ofSeconds(12);
			Flux.merge(drive(one, 4, run), drive(two, 4, run)).blockLast(run.plus(BOUND));
			List<Long> times = receivedMillis();
			assertThat(SlidingWindows.mostInAnyWindow(times, PERIOD.minus(JITTER).toMillis()))
				.as("most requests in any %s window", PERIOD.minus(JITTER))
				.isLessThanOrEqualTo(LIMIT);
			// 4 at once, then 16 every 5 s: about 42 in 12 s, shared; twice that if not.
			assertThat(times).hasSizeBetween(30, 46);
			assertThat(server.getAllServeEvents()).allSatisfy(
					(event) -> assertThat(event.getResponse().getStatus()).as("no 429 from the server").isEqualTo(200));
			assertThat(one.getBean(LoveandpayRequestQuota.class).state().onFallback()).isFalse();
			assertThat(two.getBean(LoveandpayRequestQuota.class).state().onFallback()).isFalse();
		});
	}

	@Test
	void rateLimitedAnswerToOneInstanceHoldsBackTheOther() {
		server.stubFor(get(urlPathEqualTo("/api/v2/limited"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
		runTwoInstances((one, two) -> {
			awaitShared(one);
			awaitShared(two);
			Object limited = call(one, "/limited").map(Object.class::cast).onErrorResume(Mono::just).block(BOUND);
			assertThat(limited).isInstanceOfSatisfying(LoveandpayRateLimitException.class,
					(refused) -> assertThat(refused.sent()).isTrue());
			long heldAt = System.nanoTime();
			assertThat(call(two, "/things").block(BOUND)).isNotNull();
			Duration waited = Duration.ofNanos(System.nanoTime() - heldAt);
			assertThat(waited).as("the other instance waited for the hold")
				.isBetween(Duration.ofMillis(1800), Duration.ofSeconds(4));
		});
	}

	@Test
	void whenRedisStopsCallsGoOnLocallyAndShareAgainWhenItReturns(CapturedOutput output) {
		runTwoInstances((one, two) -> {
			awaitShared(one);
			assertThat(call(one, "/things").block(BOUND)).isNotNull();
			redis.stop();
			try {
				server.resetRequests();
				for (int i = 0; i < 5; i++) {
					long started = System.nanoTime();
					assertThat(call(one, "/things").block(BOUND)).isNotNull();
					assertThat(Duration.ofNanos(System.nanoTime() - started)).as("never hangs").isLessThan(BOUND);
				}
				assertThat(server.getAllServeEvents()).hasSize(5);
				LoveandpayRequestQuota.State state = one.getBean(LoveandpayRequestQuota.class).state();
				assertThat(state.onFallback()).isTrue();
				assertThat(state.storeErrors()).isPositive();
				Health health = health(one);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("quota")).isInstanceOfSatisfying(Map.class, (quota) -> {
					assertThat(quota).containsEntry("store", "redis").containsEntry("state", "local-fallback");
					assertThat(quota.get("reason")).asString().isNotBlank().doesNotContain("127.0.0.1");
				});
				RedisRequestQuota quota = one.getBean(RedisRequestQuota.class);
				assertThat(quota.fallbackLimits()).containsExactly(new QuotaLimit(10, PERIOD, 2));
				assertThat(countOf(output.getAll(), "loveandpay request quota: Redis failed"))
					.as("logged once per outage, not per call")
					.isOne();
			}
			finally {
				redis.restart();
			}
			await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				assertThat(call(one, "/things").block(BOUND)).isNotNull();
				assertThat(one.getBean(LoveandpayRequestQuota.class).state().onFallback()).isFalse();
			});
			assertThat(health(one).getDetails().get("quota")).isInstanceOfSatisfying(Map.class,
					(quota) -> assertThat(quota).containsEntry("state", "shared").doesNotContainKey("reason"));
			assertThat(output.getAll()).contains("loveandpay request quota: Redis answers again");
			assertThat(Leaks.findIn(output.getAll())).isEmpty();
		});
	}

	private void runTwoInstances(BiConsumer<AssertableApplicationContext, AssertableApplicationContext> test) {
		this.runner.run((one) -> this.runner.run((two) -> {
			assertThat(one).hasNotFailed();
			assertThat(two).hasNotFailed();
			test.accept(one, two);
		}));
	}

	private static void awaitShared(AssertableApplicationContext context) {
		await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			context.getBean(LoveandpayRequestQuota.class).holdBack(Duration.ofMillis(1)).block(BOUND);
			assertThat(context.getBean(LoveandpayRequestQuota.class).state().onFallback()).isFalse();
		});
	}

	private static Flux<Answer> drive(AssertableApplicationContext context, int callers, Duration run) {
		return Flux.range(0, callers)
			.flatMap((caller) -> Mono.defer(() -> call(context, "/things"))
				// What reached the server is what counts, whatever a busy machine does to
				// an answer.
				.onErrorResume((ex) -> Mono.empty())
				.repeat(), callers)
			.take(run);
	}

	private static Mono<Answer> call(AssertableApplicationContext context, String path) {
		return context.getBean(LoveandpayApiClient.class)
			.exchange(LoveandpayCall.get("getThing", path).build(), Answer.class);
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("loveandpayHealthIndicator", ReactiveHealthIndicator.class).health().block(BOUND);
	}

	private static List<Long> receivedMillis() {
		return Received.requests(server)
			.stream()
			.filter((request) -> request.getUrl().startsWith("/api/v2/things"))
			.map(LoggedRequest::getLoggedDate)
			.map((date) -> date.getTime())
			.sorted()
			.toList();
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	record Answer(@Nullable Boolean success, @Nullable JsonNode error) implements ProviderAnswer {

	}

}
