package io.loveandpay.client.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link LocalRequestQuota} on virtual time: a greedy caller that takes every
 * permit the moment the quota offers it, checked over every sliding window.
 */
class LocalRequestQuotaTests {

	private static final QuotaLimit MINUTE = new QuotaLimit(100, Duration.ofMinutes(1), 10);

	private static final QuotaLimit HOUR = new QuotaLimit(1000, Duration.ofHours(1), 50);

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@AfterEach
	void stop() {
		this.time.dispose();
	}

	@Test
	void minuteLimitIsReachedButNeverExceededInAnySlidingMinute() {
		List<Long> taken = takeGreedily(new LocalRequestQuota(List.of(MINUTE), this.time), Duration.ofMinutes(5));
		assertThat(taken.subList(0, 10)).containsOnly(0L);
		assertThat(taken.get(10)).as("the first refill, 60/90 s later")
			.isBetween(Duration.ofSeconds(60).toNanos() / 90, Duration.ofSeconds(60).toNanos() / 90 + 1);
		assertThat(mostInAnyWindow(taken, Duration.ofMinutes(1))).isEqualTo(100);
		// Ten at once, then ninety a minute for five minutes.
		assertThat(taken).hasSize(10 + 90 * 5);
	}

	@Test
	void accountsDefaultLimitsHoldOverEverySlidingMinuteAndHour() {
		List<Long> taken = takeGreedily(new LocalRequestQuota(List.of(MINUTE, HOUR), this.time),
				Duration.ofMinutes(150));
		assertThat(mostInAnyWindow(taken, Duration.ofMinutes(1))).isLessThanOrEqualTo(100);
		assertThat(mostInAnyWindow(taken, Duration.ofHours(1))).isEqualTo(1000);
		assertThat(taken.subList(0, 10)).containsOnly(0L);
		// Fifty at once over the hour, then 950 an hour: 50 + 950 * 2.5.
		assertThat(taken).hasSize(50 + 2375);
	}

	@Test
	void holdDelaysEveryPermitUntilItEnds() {
		LocalRequestQuota quota = new LocalRequestQuota(List.of(MINUTE), this.time);
		quota.holdBack(Duration.ofSeconds(3)).block();
		assertThat(quota.take()).isEqualTo(Duration.ofSeconds(3));
		this.time.advanceTimeBy(Duration.ofMillis(2999));
		assertThat(quota.take()).isEqualTo(Duration.ofMillis(1));
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(quota.take()).isZero();
	}

	@Test
	void shorterHoldDoesNotShortenALongerOne() {
		LocalRequestQuota quota = new LocalRequestQuota(List.of(MINUTE), this.time);
		quota.hold(Duration.ofSeconds(5));
		quota.hold(Duration.ofSeconds(1));
		assertThat(quota.take()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void shareDividesRequestsAndBurstWithAtLeastOneAtOnceAndOneRefilled() {
		assertThat(MINUTE.share(2)).isEqualTo(new QuotaLimit(50, Duration.ofMinutes(1), 5));
		assertThat(HOUR.share(3)).isEqualTo(new QuotaLimit(333, Duration.ofHours(1), 16));
		assertThat(MINUTE.share(60)).isEqualTo(new QuotaLimit(2, Duration.ofMinutes(1), 1));
		assertThat(MINUTE.share(1000)).isEqualTo(new QuotaLimit(2, Duration.ofMinutes(1), 1));
	}

	@Test
	void limitWhoseBurstIsNotBelowItsRequestsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new QuotaLimit(10, Duration.ofMinutes(1), 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new QuotaLimit(10, Duration.ofMinutes(1), 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new QuotaLimit(10, Duration.ZERO, 1));
	}

	/**
	 * Take every permit as soon as it is offered, moving virtual time by the wait the
	 * quota names, and return when each was taken, in nanoseconds.
	 */
	private List<Long> takeGreedily(LocalRequestQuota quota, Duration howLong) {
		List<Long> taken = new ArrayList<>();
		long end = howLong.toNanos();
		while (this.time.now(TimeUnit.NANOSECONDS) <= end) {
			Duration wait = quota.tryAcquire().block();
			if (wait.isZero()) {
				taken.add(this.time.now(TimeUnit.NANOSECONDS));
				assertThat(taken).as("permits taken").hasSizeLessThan(100_000);
			}
			else {
				assertThat(wait).isPositive();
				this.time.advanceTimeBy(wait);
			}
		}
		return taken;
	}

	private static int mostInAnyWindow(List<Long> sortedTimes, Duration window) {
		long length = window.toNanos();
		int most = 0;
		int first = 0;
		for (int last = 0; last < sortedTimes.size(); last++) {
			while (sortedTimes.get(last) - sortedTimes.get(first) > length) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

}
