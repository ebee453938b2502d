package io.loveandpay.smoke;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedRequest;
import io.loveandpay.testsupport.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application, each its own application context, on one account of
 * the stand-in, sharing their request quota through one real {@code redis-server}: they
 * stay within the account's limit together, and a 429 that one of them gets holds back
 * the other.
 */
class SeveralInstancesTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final int LIMIT = 8;

	private static final Duration WINDOW = Duration.ofSeconds(4);

	private LoveandpayStandIn standIn;

	@BeforeEach
	void start() {
		this.standIn = LoveandpayStandIn.builder().rateLimit(LIMIT, WINDOW).start();
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void twoInstancesCallingAsFastAsTheyCanStayWithinTheAccountsLimitTogether() throws Exception {
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger refusedByQuota = new AtomicInteger();
		Duration runFor = WINDOW.multipliedBy(3);
		instance().run((first) -> instance().run((second) -> {
			List<BlockingKycSessionService> services = List.of(first.getBean(BlockingKycSessionService.class),
					second.getBean(BlockingKycSessionService.class));
			// Each instance's first request waits for its connection, and may reach the
			// stand-in later than its permit was taken by more than the quota's slack (a
			// refill interval, 0.67 s here): warm the instances up, then start counting.
			services.forEach((sessions) -> sessions.listSessions(KycSessionQuery.builder().limit(1).build()));
			this.standIn.reset();
			ExecutorService callers = Executors.newFixedThreadPool(6);
			try {
				long end = System.nanoTime() + runFor.toNanos();
				List<Future<?>> running = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					BlockingKycSessionService sessions = services.get(i % 2);
					running.add(callers.submit(() -> {
						while (System.nanoTime() < end) {
							try {
								sessions.listSessions(KycSessionQuery.builder().limit(1).build());
								answered.incrementAndGet();
							}
							catch (LoveandpayRateLimitException ex) {
								assertThat(ex.sent()).as("only the client's own quota refuses").isFalse();
								refusedByQuota.incrementAndGet();
							}
						}
						return null;
					}));
				}
				for (Future<?> caller : running) {
					caller.get(runFor.toSeconds() + 30, TimeUnit.SECONDS);
				}
			}
			finally {
				callers.shutdownNow();
			}
		}));
		List<RecordedRequest> requests = this.standIn.journal().requests();
		assertThat(requests).as("the stand-in answered no 429").noneMatch((request) -> request.status() == 429);
		assertWithinTheLimitOverEveryWindow(requests);
		assertThat(answered.get()).as("the shared quota lets the account's limit through, not much less")
			.isGreaterThanOrEqualTo(LIMIT * 2);
	}

	@Test
	void aRateLimitAnsweredToOneInstanceHoldsBackTheOther() {
		Duration retryAfter = Duration.ofSeconds(2);
		instance().run((first) -> instance().run((second) -> {
			BlockingKycSessionService one = first.getBean(BlockingKycSessionService.class);
			BlockingKycSessionService other = second.getBean(BlockingKycSessionService.class);
			this.standIn.faults().onList().rateLimitNext(1, retryAfter);
			long started = System.nanoTime();
			one.listSessions(KycSessionQuery.builder().limit(1).build());
			Instant limitedAt = this.standIn.journal()
				.requests((request) -> request.status() == 429)
				.get(0)
				.receivedAt();
			other.listSessions(KycSessionQuery.builder().limit(1).build());
			List<RecordedRequest> answered = this.standIn.journal().requests((request) -> request.status() == 200);
			assertThat(answered).hasSize(2);
			assertThat(answered).allSatisfy(
					(request) -> assertThat(Duration.between(limitedAt, request.receivedAt())).as("sent after the hold")
						.isGreaterThanOrEqualTo(retryAfter.minusMillis(100)));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(retryAfter.multipliedBy(4));
		}));
	}

	private static void assertWithinTheLimitOverEveryWindow(List<RecordedRequest> requests) {
		List<Instant> times = requests.stream().map(RecordedRequest::receivedAt).sorted().toList();
		for (int i = 0; i < times.size(); i++) {
			Instant windowEnd = times.get(i).plus(WINDOW);
			int inWindow = 0;
			for (int j = i; j < times.size() && times.get(j).isBefore(windowEnd); j++) {
				inWindow++;
			}
			assertThat(inWindow).as("requests in the %s from %s", WINDOW, times.get(i)).isLessThanOrEqualTo(LIMIT);
		}
	}

	/**
	 * Return a runner of one instance: the starter's client on the stand-in, its quota
	 * (the stand-in's limit, a burst of 2) kept in the shared Redis.
	 */
	private ApplicationContextRunner instance() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					DataRedisAutoConfiguration.class, LoveandpayAutoConfiguration.class))
			.withBean(LoveandpayAutoConfiguration.CLOCK_BEAN, Clock.class, this.standIn::applicationClock)
			.withPropertyValues("loveandpay.api-key=" + this.standIn.apiKey(),
					"loveandpay.secret-key=" + this.standIn.secretKey(),
					"loveandpay.base-url=" + this.standIn.clientBaseUrl(), "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "loveandpay.quota.store=redis",
					"loveandpay.quota.limits[0].requests=" + LIMIT,
					"loveandpay.quota.limits[0].period=" + WINDOW.toMillis() + "ms",
					"loveandpay.quota.limits[0].burst=2", "loveandpay.call-timeout=3s",
					"spring.reactor.netty.shutdown-quiet-period=0s",
					// sharing is under test, not the fallback of a slow Redis on a busy
					// machine
					"loveandpay.quota.redis.timeout=2s");
	}

}
