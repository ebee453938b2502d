package io.loveandpay.client.quota;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.loveandpay.client.LoveandpayRequestQuota;

import org.springframework.util.Assert;

/**
 * A {@link LoveandpayRequestQuota} in this instance's memory: one Bucket4j bucket with a
 * bandwidth per {@link QuotaLimit} (capacity the burst, refilled greedily with the rest
 * of the limit over its period), and a hold after a {@code 429}.
 * <p>
 * Time is read from a Reactor {@link Scheduler}, the client's, so that a virtual-time
 * scheduler drives the refill in tests.
 *
 * @since 0.1.0
 */
public final class LocalRequestQuota implements LoveandpayRequestQuota {

	private final List<QuotaLimit> limits;

	private final Scheduler clock;

	private final Bucket bucket;

	private final AtomicLong heldUntilNanos;

	private final String store;

	/**
	 * Create a quota.
	 * @param limits the limits, at least one
	 * @param clock the scheduler whose time refills the bucket, the client's
	 */
	public LocalRequestQuota(List<QuotaLimit> limits, Scheduler clock) {
		this(limits, clock, "memory");
	}

	LocalRequestQuota(List<QuotaLimit> limits, Scheduler clock, String store) {
		Assert.notEmpty(limits, "'limits' must not be empty");
		Assert.notNull(clock, "'clock' must not be null");
		this.limits = List.copyOf(limits);
		this.clock = clock;
		this.store = store;
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(timeMeter(clock));
		this.limits.forEach((limit) -> builder.addLimit(bandwidth(limit)));
		this.bucket = builder.build();
		this.heldUntilNanos = new AtomicLong(now());
	}

	/**
	 * Return the bucket configuration of these limits.
	 * @param limits the limits
	 * @return the configuration
	 */
	static BucketConfiguration configuration(List<QuotaLimit> limits) {
		ConfigurationBuilder builder = BucketConfiguration.builder();
		limits.forEach((limit) -> builder.addLimit(bandwidth(limit)));
		return builder.build();
	}

	private static Bandwidth bandwidth(QuotaLimit limit) {
		return Bandwidth.builder()
			.capacity(limit.burst())
			.refillGreedy(limit.requests() - limit.burst(), limit.period())
			.build();
	}

	/**
	 * Return a Bucket4j clock that reads a Reactor scheduler.
	 * @param clock the scheduler
	 * @return the clock
	 */
	static TimeMeter timeMeter(Scheduler clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.now(TimeUnit.NANOSECONDS);
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	/**
	 * Return the limits.
	 * @return the limits
	 */
	public List<QuotaLimit> limits() {
		return this.limits;
	}

	@Override
	public Mono<Duration> tryAcquire() {
		return Mono.fromSupplier(this::take);
	}

	/**
	 * Take a permit now, as {@link #tryAcquire()} does.
	 * @return zero when taken, else how long to wait
	 */
	Duration take() {
		long held = held();
		if (held > 0) {
			return Duration.ofNanos(held);
		}
		ConsumptionProbe probe = this.bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

	/**
	 * Return how long the hold after a {@code 429} lasts from now.
	 * @return nanoseconds, zero or less when there is none
	 */
	long held() {
		return this.heldUntilNanos.get() - now();
	}

	@Override
	public Mono<Void> holdBack(Duration wait) {
		return Mono.fromRunnable(() -> hold(wait));
	}

	/**
	 * Hold back every attempt for a while, unless a longer hold already runs.
	 * @param wait how long from now
	 */
	void hold(Duration wait) {
		long until = now() + wait.toNanos();
		this.heldUntilNanos.accumulateAndGet(until, Math::max);
	}

	private long now() {
		return this.clock.now(TimeUnit.NANOSECONDS);
	}

	@Override
	public State state() {
		return new State(this.store, null, 0);
	}

	@Override
	public String toString() {
		return "LocalRequestQuota[limits=" + this.limits + "]";
	}

}
