package io.loveandpay.client.internal;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How long a call may take and how it is retried.
 * <p>
 * A failed attempt is retried with exponential backoff and jitter (a wait between half
 * and all of the backoff, which doubles from one retry to the next) when sending it again
 * is safe: a request that never left the machine, or a {@code GET} that met a transport
 * error, a timeout, HTTP 429, 500, 502, 503 or 504. A request that changes state is never
 * sent twice.
 *
 * @param maxAttempts attempts in all, counting the first; 1 disables retries
 * @param initialBackoff the largest wait before the first retry, which waits at least
 * half of it; each later retry may wait up to twice as long as the one before
 * @param maxBackoff the largest wait before any retry, including a {@code Retry-After}
 * the provider asks for
 * @param attemptTimeout time allowed for one attempt, from sending to the end of the
 * answer
 * @param callTimeout time allowed for the whole call, retries and waits included
 * @since 0.1.0
 */
public record LoveandpayCallPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		Duration attemptTimeout, Duration callTimeout) {

	/**
	 * Create a policy.
	 */
	public LoveandpayCallPolicy {
		Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be 1 or more");
		Assert.isTrue(isPositive(initialBackoff), "'initialBackoff' must be positive");
		Assert.isTrue(isPositive(maxBackoff), "'maxBackoff' must be positive");
		Assert.isTrue(isPositive(attemptTimeout), "'attemptTimeout' must be positive");
		Assert.isTrue(isPositive(callTimeout), "'callTimeout' must be positive");
	}

	/**
	 * Return the defaults: 3 attempts, backoff from 200 ms to 5 s, 30 s an attempt, 60 s
	 * a call.
	 * @return the default policy
	 */
	public static LoveandpayCallPolicy defaults() {
		return new LoveandpayCallPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofSeconds(60));
	}

	Duration backoff(int failedAttempts, double random) {
		long cap = this.maxBackoff.toMillis();
		long ceiling = this.initialBackoff.toMillis();
		for (int i = 1; i < failedAttempts && ceiling < cap; i++) {
			ceiling *= 2;
		}
		long limit = Math.min(ceiling, cap);
		return Duration.ofMillis(limit / 2 + (long) (limit / 2.0 * random));
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
