package io.loveandpay.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.quota.LocalRequestQuota;
import io.loveandpay.client.quota.QuotaLimit;
import io.loveandpay.testsupport.SlidingWindows;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.TestClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

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
 * Tests of the client's request quota on virtual time: every attempt takes a permit of a
 * {@link LocalRequestQuota} whose clock is the client's scheduler, against a real local
 * server that records what reached it. Each wait is checked between a lower and an upper
 * bound, so that a missing wait fails as surely as a long one.
 */
class RequestQuotaTests {

	private static final Duration STEP = Duration.ofMillis(10);

	private static final Duration SLACK = STEP.multipliedBy(3);

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock(16);

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<Long> attemptsStartedAt = new CopyOnWriteArrayList<>();

	private final AtomicInteger settled = new AtomicInteger();

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private final AtomicInteger refusals = new AtomicInteger();

	private final List<Disposable> calls = new ArrayList<>();

	@AfterEach
	void stop() {
		this.calls.forEach(Disposable::dispose);
		this.time.dispose();
	}

	@Test
	void burstGoesAtOnceThenEachPermitWaitsForItsRefill() {
		answerThings();
		LoveandpayApiClient client = client(List.of(new QuotaLimit(10, Duration.ofSeconds(8), 2)), policy(1, 60));
		List<AtomicReference<@Nullable Object>> outcomes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			outcomes.add(start(client, getThing()));
		}
		advanceUntil(() -> outcomes.stream().allMatch((outcome) -> outcome.get() != null), Duration.ofSeconds(30));
		List<Long> started = this.attemptsStartedAt.stream().sorted().toList();
		assertThat(started).hasSize(5);
		assertThat(started.subList(0, 2)).containsOnly(0L);
		// Eight refilled over eight seconds: one a second.
		for (int i = 2; i < 5; i++) {
			assertThat(started.get(i)).as("attempt %d", i)
				.isBetween((i - 1) * 1000L, (i - 1) * 1000L + SLACK.toMillis());
		}
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.get()).isInstanceOf(TestAnswer.class));
		assertThat(server.getAllServeEvents()).hasSize(5);
		assertThat(this.waits).hasSize(5);
		assertThat(this.waits.stream().filter(Duration::isZero)).hasSize(2);
	}

	@Test
	void manyCallsAsFastAsTheyCanNeverExceedTheLimitInAnySlidingWindow() {
		answerThings();
		Duration period = Duration.ofSeconds(10);
		LoveandpayApiClient client = client(List.of(new QuotaLimit(20, period, 4)), policy(1, 600));
		List<AtomicReference<@Nullable Object>> outcomes = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			outcomes.add(start(client, getThing()));
		}
		advanceUntil(() -> outcomes.stream().allMatch((outcome) -> outcome.get() != null), Duration.ofSeconds(60));
		List<Long> started = this.attemptsStartedAt.stream().sorted().toList();
		assertThat(started).hasSize(60);
		assertThat(server.getAllServeEvents()).hasSize(60);
		assertThat(SlidingWindows.mostInAnyWindow(started, period.toMillis()))
			.as("most requests in any closed 10 s window")
			.isEqualTo(20);
		// Four at once, then sixteen every ten seconds: the last of 60 after 35 s.
		assertThat(started.get(59)).isBetween(35_000L, 35_000L + SLACK.toMillis() * 4);
	}

	@Test
	void waitThatDoesNotFitTheCallsDeadlineFailsAtOnceNotSent() {
		answerThings();
		LoveandpayApiClient client = client(List.of(new QuotaLimit(2, Duration.ofSeconds(20), 1)), policy(3, 5));
		AtomicReference<@Nullable Object> first = start(client, getThing());
		advanceUntil(() -> first.get() != null, Duration.ofSeconds(1));
		long at = this.time.now(TimeUnit.MILLISECONDS);
		AtomicReference<@Nullable Object> second = start(client, getThing());
		assertThat(second.get()).as("failed at once, on no time")
			.isInstanceOfSatisfying(LoveandpayRateLimitException.class, (refused) -> {
				assertThat(refused.sent()).isFalse();
				assertThat(refused.errorCode()).isEqualTo(LoveandpayRateLimitException.CLIENT_QUOTA);
				assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));
				assertThat(refused).hasMessageContaining("not sent").hasMessageContaining("safe to make again");
			});
		assertThat(this.time.now(TimeUnit.MILLISECONDS)).isEqualTo(at);
		assertThat(server.getAllServeEvents()).hasSize(1);
		assertThat(this.refusals).hasValue(1);
	}

	@Test
	void createWaitsForAPermitWhenTheWaitLeavesItsAttemptItsWholeTimeout() {
		server.stubFor(post(urlPathEqualTo("/api/v2/things")).willReturn(okJson("{\"success\":true}")));
		LoveandpayApiClient client = client(List.of(new QuotaLimit(2, Duration.ofSeconds(10), 1)),
				new LoveandpayCallPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5),
						Duration.ofSeconds(16)));
		AtomicReference<@Nullable Object> first = start(client, createThing());
		advanceUntil(() -> first.get() != null, Duration.ofSeconds(1));
		AtomicReference<@Nullable Object> second = start(client, createThing());
		assertThat(second.get()).as("waiting").isNull();
		advanceUntil(() -> second.get() != null, Duration.ofSeconds(15));
		assertThat(second.get()).isInstanceOf(TestAnswer.class);
		assertThat(this.attemptsStartedAt).hasSize(2);
		assertThat(this.attemptsStartedAt.get(1)).isBetween(10_000L, 10_000L + SLACK.toMillis());
	}

	@Test
	void createIsRefusedNotSentWhenTheWaitWouldCutItsAttemptShort() {
		server.stubFor(post(urlPathEqualTo("/api/v2/things")).willReturn(okJson("{\"success\":true}")));
		LoveandpayApiClient client = client(List.of(new QuotaLimit(2, Duration.ofSeconds(10), 1)),
				new LoveandpayCallPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5),
						Duration.ofSeconds(14)));
		AtomicReference<@Nullable Object> first = start(client, createThing());
		advanceUntil(() -> first.get() != null, Duration.ofSeconds(1));
		AtomicReference<@Nullable Object> second = start(client, createThing());
		assertThat(second.get()).isInstanceOfSatisfying(LoveandpayRateLimitException.class,
				(refused) -> assertThat(refused.sent()).isFalse());
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void retryTakesAPermitOfItsOwn() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("fine"));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).inScenario("flaky")
			.whenScenarioStateIs("fine")
			.willReturn(okJson("{\"success\":true,\"name\":\"thing\"}")));
		LoveandpayApiClient client = client(List.of(new QuotaLimit(2, Duration.ofSeconds(10), 1)), policy(3, 60));
		AtomicReference<@Nullable Object> outcome = start(client, getThing());
		advanceUntil(() -> outcome.get() != null, Duration.ofSeconds(20));
		assertThat(outcome.get()).isInstanceOf(TestAnswer.class);
		assertThat(this.attemptsStartedAt).hasSize(2);
		// The backoff is at most 200 ms; the permit is 10 s away.
		assertThat(this.attemptsStartedAt.get(1)).isBetween(10_000L, 10_000L + SLACK.toMillis());
		assertThat(this.waits).hasSize(2);
	}

	@Test
	void rateLimitedAnswerHoldsBackEveryCallerUntilItsRetryAfter() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/2")).willReturn(okJson("{\"success\":true}")));
		LoveandpayApiClient client = client(List.of(new QuotaLimit(100, Duration.ofSeconds(10), 50)), policy(1, 60));
		AtomicReference<@Nullable Object> limited = start(client, LoveandpayCall.get("getThing", "/things/1").build());
		advanceUntil(() -> limited.get() != null, Duration.ofSeconds(1));
		assertThat(limited.get()).isInstanceOfSatisfying(LoveandpayRateLimitException.class,
				(refused) -> assertThat(refused.sent()).isTrue());
		long heldFrom = this.time.now(TimeUnit.MILLISECONDS);
		AtomicReference<@Nullable Object> other = start(client, LoveandpayCall.get("getThing", "/things/2").build());
		assertThat(other.get()).as("held back").isNull();
		advanceUntil(() -> other.get() != null, Duration.ofSeconds(10));
		assertThat(other.get()).isInstanceOf(TestAnswer.class);
		assertThat(this.attemptsStartedAt.get(1)).isBetween(3000L, heldFrom + 3000L + SLACK.toMillis());
	}

	@Test
	void rateLimitedAnswerWithoutRetryAfterHoldsBackForTheDefaultHold() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).willReturn(aResponse().withStatus(429)));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/2")).willReturn(okJson("{\"success\":true}")));
		LoveandpayApiClient client = client(List.of(new QuotaLimit(100, Duration.ofSeconds(10), 50)), policy(1, 60));
		AtomicReference<@Nullable Object> limited = start(client, LoveandpayCall.get("getThing", "/things/1").build());
		advanceUntil(() -> limited.get() != null, Duration.ofSeconds(1));
		long heldFrom = this.time.now(TimeUnit.MILLISECONDS);
		AtomicReference<@Nullable Object> other = start(client, LoveandpayCall.get("getThing", "/things/2").build());
		advanceUntil(() -> other.get() != null, Duration.ofSeconds(10));
		assertThat(this.attemptsStartedAt.get(1)).isBetween(LoveandpayApiClient.DEFAULT_RATE_LIMIT_HOLD.toMillis(),
				heldFrom + LoveandpayApiClient.DEFAULT_RATE_LIMIT_HOLD.toMillis() + SLACK.toMillis());
	}

	@Test
	void holdLongerThanTheCallsDeadlineRefusesAtOnceNotSent() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		server.stubFor(get(urlPathEqualTo("/api/v2/things/2")).willReturn(okJson("{\"success\":true}")));
		LoveandpayApiClient client = client(List.of(new QuotaLimit(100, Duration.ofSeconds(10), 50)), policy(1, 60));
		AtomicReference<@Nullable Object> limited = start(client, LoveandpayCall.get("getThing", "/things/1").build());
		advanceUntil(() -> limited.get() != null, Duration.ofSeconds(1));
		AtomicReference<@Nullable Object> other = start(client, LoveandpayCall.get("getThing", "/things/2").build());
		assertThat(other.get()).isInstanceOfSatisfying(LoveandpayRateLimitException.class, (refused) -> {
			assertThat(refused.sent()).isFalse();
			assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
		});
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	private static void answerThings() {
		server.stubFor(get(urlPathEqualTo("/api/v2/things/1")).willReturn(okJson("{\"success\":true}")));
	}

	private static LoveandpayCall getThing() {
		return LoveandpayCall.get("getThing", "/things/{id}", 1).build();
	}

	private static LoveandpayCall createThing() {
		return LoveandpayCall.post("createThing", "/things", Map.of("name", "thing")).build();
	}

	private static LoveandpayCallPolicy policy(int attempts, int callSeconds) {
		return new LoveandpayCallPolicy(attempts, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(5),
				Duration.ofSeconds(callSeconds));
	}

	private LoveandpayApiClient client(List<QuotaLimit> limits, LoveandpayCallPolicy policy) {
		Clock clock = Clock.systemUTC();
		return LoveandpayApiClient.builder(TestClients.webClientBuilder(server.baseUrl()).filter((request, next) -> {
			this.attemptsStartedAt.add(this.time.now(TimeUnit.MILLISECONDS));
			return next.exchange(request);
		}).filter(TestClients.signingFilter(clock)).build())
			.policy(policy)
			.clockSkew(new LoveandpayClockSkew(clock))
			.scheduler(this.time)
			.quota(new LocalRequestQuota(limits, this.time))
			.listener(new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					RequestQuotaTests.this.settled.incrementAndGet();
				}

				@Override
				public void permitTaken(String operation, Duration waited) {
					RequestQuotaTests.this.waits.add(waited);
				}

				@Override
				public void refusedByQuota(String operation) {
					// A refused call ends without an attempt of its own to settle.
					RequestQuotaTests.this.settled.decrementAndGet();
					RequestQuotaTests.this.refusals.incrementAndGet();
				}

			})
			.build();
	}

	private AtomicReference<@Nullable Object> start(LoveandpayApiClient client, LoveandpayCall call) {
		AtomicReference<@Nullable Object> outcome = new AtomicReference<>();
		this.calls.add(client.exchange(call, TestAnswer.class)
			.doFinally((signal) -> this.settled.incrementAndGet())
			.subscribe(outcome::set, outcome::set));
		return outcome;
	}

	/**
	 * Move virtual time on in small steps until the condition holds. Before each step,
	 * wait (in real time) until every attempt that started has ended in an answer or a
	 * decision to retry, so that only time can move the calls on.
	 */
	private void advanceUntil(BooleanSupplier condition, Duration virtualLimit) {
		long steps = virtualLimit.dividedBy(STEP);
		for (long step = 0; step < steps && !condition.getAsBoolean(); step++) {
			awaitReal(() -> condition.getAsBoolean() || this.settled.get() >= this.attemptsStartedAt.size());
			this.time.advanceTimeBy(STEP);
		}
		if (!condition.getAsBoolean()) {
			fail("Not done within " + virtualLimit + " of virtual time");
		}
	}

	private static void awaitReal(BooleanSupplier condition) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(condition::getAsBoolean);
	}

}
