package io.loveandpay.client.quota;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * One limit of a request quota: at most {@code requests} in any window of {@code period},
 * of which at most {@code burst} may go at once. The rest is refilled evenly over the
 * period, so that a burst plus what is refilled never exceeds the limit, however the
 * window is placed.
 *
 * @param requests most requests in any window of the period
 * @param period the period
 * @param burst most requests at once, at least 1 and less than {@code requests}
 * @since 0.1.0
 */
public record QuotaLimit(long requests, Duration period, long burst) {

	/**
	 * Create a limit.
	 * @param requests most requests in any window of the period
	 * @param period the period
	 * @param burst most requests at once, at least 1 and less than {@code requests}
	 */
	public QuotaLimit {
		Assert.notNull(period, "'period' must not be null");
		Assert.isTrue(!period.isNegative() && !period.isZero(), "'period' must be positive");
		Assert.isTrue(burst >= 1, "'burst' must be at least 1");
		Assert.isTrue(burst < requests, "'burst' must be less than 'requests'");
	}

	/**
	 * Return this limit's share for one of several instances that each keep their own
	 * quota: the requests and the burst divided by the number of instances, with at least
	 * one request at once and one refilled a period.
	 * @param instances how many instances share the limit
	 * @return the share
	 */
	public QuotaLimit share(int instances) {
		Assert.isTrue(instances >= 1, "'instances' must be at least 1");
		long requests = Math.max(2, this.requests / instances);
		long burst = Math.max(1, Math.min(this.burst / instances, requests - 1));
		return new QuotaLimit(requests, this.period, burst);
	}

}
