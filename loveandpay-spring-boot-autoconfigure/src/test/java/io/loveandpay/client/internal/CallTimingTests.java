package io.loveandpay.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.TestClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.assertj.core.api.InstanceOfAssertFactories;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the waits between attempts and of the limits on attempts and calls, on virtual
 * time: each wait is measured between the retry decision and the start of the next
 * attempt, both read from the client's scheduler, and must fall between its lower and
 * upper bound. The answers come from a real local server; only time is virtual.
 */
class CallTimingTests {

	private static final Duration STEP = Duration.ofMillis(10);

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<Long> attemptsStartedAt = new CopyOnWriteArrayList<>();

	private final List<Long> retriesDecidedAt = new CopyOnWriteArrayList<>();

	private final AtomicReference<@Nullable Object> outcome = new AtomicReference<>();

	private final AtomicLong tasksScheduledAtDecision = new AtomicLong();

	private @Nullable Disposable call;

	@AfterEach
	void stop() {
		if (this.call != null) {
			this.call.dispose();
		}
		this.time.dispose();
	}

	@Test
	void gatewayErrorsAreRetriedAfterABackoffBetweenHalfAndAllOfItsDoublingCeiling() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("once"));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("flaky")
			.whenScenarioStateIs("once")
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("twice"));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("flaky")
			.whenScenarioStateIs("twice")
			.willReturn(okJson("{\"success\":true,\"name\":\"thing\"}")));
		start(LoveandpayCall.get("getThing", "/things/{id}", 1).build(),
				policy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5), Duration.ofMinutes(30)));
		advanceUntil(() -> this.outcome.get() != null, Duration.ofSeconds(10), false);
		assertThat(this.outcome.get()).isInstanceOfSatisfying(TestAnswer.class,
				(answer) -> assertThat(answer.name()).isEqualTo("thing"));
		assertThat(this.attemptsStartedAt).hasSize(3);
		assertThat(waitBeforeRetry(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000).plus(STEP));
		assertThat(waitBeforeRetry(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000).plus(STEP));
	}

	@Test
	void backoffNeverExceedsItsCap() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).willReturn(aResponse().withStatus(503)));
		start(LoveandpayCall.get("getThing", "/things/{id}", 1).build(), policy(4, Duration.ofMillis(800),
				Duration.ofMillis(1000), Duration.ofMinutes(5), Duration.ofMinutes(30)));
		advanceUntil(() -> this.outcome.get() != null, Duration.ofSeconds(10), false);
		assertThat(this.outcome.get()).isInstanceOf(LoveandpayException.class);
		assertThat(this.attemptsStartedAt).hasSize(4);
		assertThat(waitBeforeRetry(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000).plus(STEP));
		assertThat(waitBeforeRetry(3)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000).plus(STEP));
	}

	@Test
	void rateLimitedReadWaitsExactlyWhatRetryAfterAsks() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("limited")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
			.willSetStateTo("free"));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("limited")
			.whenScenarioStateIs("free")
			.willReturn(okJson("{\"success\":true,\"name\":\"thing\"}")));
		start(LoveandpayCall.get("getThing", "/things/{id}", 1).build(), policy(3, Duration.ofMillis(100),
				Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)));
		advanceUntil(() -> this.outcome.get() != null, Duration.ofSeconds(10), false);
		assertThat(this.outcome.get()).isInstanceOfSatisfying(TestAnswer.class,
				(answer) -> assertThat(answer.name()).isEqualTo("thing"));
		assertThat(waitBeforeRetry(1)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(3).plus(STEP));
	}

	@Test
	void attemptEndsWithATimeoutWhenItsLimitPassesAndNotBefore() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).willReturn(okJson("{}").withFixedDelay(20_000)));
		start(LoveandpayCall.get("getThing", "/things/{id}", 1).build(), policy(1, Duration.ofMillis(100),
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(30)));
		awaitReal(() -> server.getAllServeEvents().size() == 1);
		this.time.advanceTimeBy(Duration.ofSeconds(30).minus(STEP));
		assertThat(this.outcome.get()).as("still waiting just before the attempt's limit").isNull();
		this.time.advanceTimeBy(STEP);
		assertThat(this.outcome.get()).isInstanceOf(LoveandpayTimeoutException.class);
	}

	@Test
	void callEndsAtItsDeadlineWhateverIsLeftOfItsAttempts() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).willReturn(okJson("{}").withFixedDelay(20_000)));
		start(LoveandpayCall.get("getThing", "/things/{id}", 1).build(), policy(5, Duration.ofMillis(100),
				Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(45)));
		advanceUntil(() -> this.outcome.get() != null, Duration.ofMinutes(2), true);
		assertThat(this.outcome.get()).asInstanceOf(InstanceOfAssertFactories.THROWABLE)
			.isInstanceOf(LoveandpayTimeoutException.class)
			.hasMessageContaining("call timeout of 45000 ms");
		assertThat(this.time.now(TimeUnit.MILLISECONDS)).isBetween(45_000L, 45_000L + STEP.toMillis());
		assertThat(this.attemptsStartedAt).hasSize(2);
	}

	@Test
	void createTimingOutAfterItWasSentIsOutcomeUnknownAndNeverRetried() {
		server.stubFor(post(urlPathEqualTo("/api/v2/things")).willReturn(okJson("{}").withFixedDelay(20_000)));
		start(LoveandpayCall.post("createThing", "/things", Map.of("name", "thing")).build(), policy(3,
				Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(30)));
		awaitReal(() -> server.getAllServeEvents().size() == 1);
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(this.outcome.get()).isInstanceOf(LoveandpayOutcomeUnknownException.class);
		this.time.advanceTimeBy(Duration.ofMinutes(5));
		assertThat(this.attemptsStartedAt).hasSize(1);
	}

	private void start(LoveandpayCall call, LoveandpayCallPolicy policy) {
		Clock clock = Clock.systemUTC();
		LoveandpayApiClient client = LoveandpayApiClient
			.builder(TestClients.webClientBuilder(server.baseUrl()).filter((request, next) -> {
				this.attemptsStartedAt.add(this.time.now(TimeUnit.MILLISECONDS));
				return next.exchange(request);
			}).filter(TestClients.signingFilter(clock)).build())
			.policy(policy)
			.clockSkew(new LoveandpayClockSkew(clock))
			.scheduler(this.time)
			.listener(new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					// The wait is scheduled right after: the test moves time on only
					// then.
					CallTimingTests.this.tasksScheduledAtDecision
						.set(CallTimingTests.this.time.getScheduledTaskCount());
					CallTimingTests.this.retriesDecidedAt.add(CallTimingTests.this.time.now(TimeUnit.MILLISECONDS));
				}

			})
			.build();
		this.call = client.exchange(call, TestAnswer.class).subscribe(this.outcome::set, this.outcome::set);
	}

	private static LoveandpayCallPolicy policy(int attempts, Duration initialBackoff, Duration maxBackoff,
			Duration attemptTimeout, Duration callTimeout) {
		return new LoveandpayCallPolicy(attempts, initialBackoff, maxBackoff, attemptTimeout, callTimeout);
	}

	/**
	 * Return the virtual time from the decision to retry after attempt {@code n} to the
	 * start of attempt {@code n + 1}.
	 */
	private Duration waitBeforeRetry(int n) {
		return Duration.ofMillis(this.attemptsStartedAt.get(n) - this.retriesDecidedAt.get(n - 1));
	}

	/**
	 * Move virtual time on in small steps until the condition holds. Before each step,
	 * wait (in real time) until only time can move the call on: a retry's wait is
	 * scheduled, or, when {@code slowAttempts}, the attempt has reached the server, which
	 * answers only after the test ends.
	 */
	private void advanceUntil(BooleanSupplier condition, Duration virtualLimit, boolean slowAttempts) {
		long steps = virtualLimit.dividedBy(STEP);
		for (long step = 0; step < steps && !condition.getAsBoolean(); step++) {
			awaitReal(() -> condition.getAsBoolean() || onlyTimeMovesTheCallOn(slowAttempts));
			this.time.advanceTimeBy(STEP);
		}
		if (!condition.getAsBoolean()) {
			fail("Not done within " + virtualLimit + " of virtual time");
		}
	}

	private boolean onlyTimeMovesTheCallOn(boolean slowAttempts) {
		int started = this.attemptsStartedAt.size();
		if (started == 0) {
			// The first attempt is on its way to the connector: nothing to time yet.
			return false;
		}
		if (started == this.retriesDecidedAt.size()) {
			return this.time.getScheduledTaskCount() > this.tasksScheduledAtDecision.get();
		}
		return slowAttempts && server.getAllServeEvents().size() >= started;
	}

	private static void awaitReal(BooleanSupplier condition) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(condition::getAsBoolean);
	}

}
