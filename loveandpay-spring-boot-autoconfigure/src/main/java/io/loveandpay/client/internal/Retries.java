package io.loveandpay.client.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import io.loveandpay.client.LoveandpayApiException;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.client.LoveandpayTransportException;

/**
 * Decides, after each failed attempt of one call, whether and when to try again.
 * <p>
 * Sending again is safe when the request never left the machine, or when it is idempotent
 * and failed in a way that may pass: a transport error, a timeout, HTTP 429, 500, 502,
 * 503 or 504. A refused {@code TIMESTAMP_EXPIRED} whose clock was just aligned is
 * re-signed at once. Waits use exponential backoff with equal jitter, or the provider's
 * {@code Retry-After}; no wait runs past the call's deadline. Time is the scheduler's, so
 * that virtual time drives it in tests.
 */
final class Retries {

	private static final Set<Integer> RETRIED_SERVER_STATUSES = Set.of(500, 502, 503, 504);

	private final LoveandpayCall call;

	private final LoveandpayCallPolicy policy;

	private final LoveandpayClockSkew skew;

	private final Scheduler scheduler;

	private final long deadlineNanos;

	private int attempts;

	private @Nullable Attempt current;

	private boolean resignedForSkew;

	Retries(LoveandpayCall call, LoveandpayCallPolicy policy, LoveandpayClockSkew skew, Scheduler scheduler) {
		this.call = call;
		this.policy = policy;
		this.skew = skew;
		this.scheduler = scheduler;
		this.deadlineNanos = now() + policy.callTimeout().toNanos();
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

	Duration timeLeft() {
		return Duration.ofNanos(Math.max(0, this.deadlineNanos - now()));
	}

	int attempts() {
		return this.attempts;
	}

	Attempt next() {
		this.attempts++;
		Attempt attempt = new Attempt(this.attempts, this.skew.offsetMillis());
		this.current = attempt;
		return attempt;
	}

	/**
	 * Return whether the latest attempt may have reached the provider.
	 */
	boolean mayHaveBeenSent() {
		Attempt current = this.current;
		return current != null && current.mayHaveBeenSent();
	}

	/**
	 * Decide what follows the failure of the latest attempt.
	 * @param failure how it failed
	 * @return when to retry and why, or {@code null} to fail the call
	 */
	@Nullable Decision decide(LoveandpayException failure) {
		Attempt attempt = this.current;
		if (failure instanceof LoveandpayRateLimitException limited && !limited.sent()) {
			// The quota refused it: no permit before the deadline, so no retry either.
			return null;
		}
		if (attempt == null || this.attempts >= this.policy.maxAttempts() || !this.call.retriesAllowed()) {
			return null;
		}
		Duration delay = delay(attempt, failure);
		if (delay == null) {
			return null;
		}
		long left = this.deadlineNanos - now();
		return (delay.toNanos() < left) ? new Decision(delay, reason(attempt, failure)) : null;
	}

	private static String reason(Attempt attempt, LoveandpayException failure) {
		if (failure instanceof LoveandpayRateLimitException) {
			return "RATE_LIMITED";
		}
		if (failure instanceof LoveandpayApiException api) {
			return ApiErrors.TIMESTAMP_EXPIRED.equals(api.errorCode()) ? ApiErrors.TIMESTAMP_EXPIRED
					: Integer.toString(api.statusCode());
		}
		if (!attempt.mayHaveBeenSent()) {
			return "NOT_SENT";
		}
		if (failure instanceof LoveandpayTimeoutException) {
			return "TIMEOUT";
		}
		return "IO_ERROR";
	}

	private @Nullable Duration delay(Attempt attempt, LoveandpayException failure) {
		if (!attempt.mayHaveBeenSent() && !(failure instanceof LoveandpayApiException)) {
			return backoff();
		}
		if (failure instanceof LoveandpayAuthenticationException refused
				&& ApiErrors.TIMESTAMP_EXPIRED.equals(refused.errorCode())) {
			boolean aligned = this.skew.offsetMillis() != attempt.offsetMillisAtStart();
			if (aligned && this.call.idempotent() && !this.resignedForSkew) {
				this.resignedForSkew = true;
				return Duration.ZERO;
			}
			return null;
		}
		if (!this.call.idempotent()) {
			return null;
		}
		if (failure instanceof LoveandpayRateLimitException limited) {
			Duration retryAfter = limited.retryAfter();
			if (retryAfter == null) {
				return backoff();
			}
			long left = this.deadlineNanos - now();
			boolean tooLong = retryAfter.compareTo(this.policy.maxBackoff()) > 0 || retryAfter.toNanos() >= left;
			return tooLong ? null : retryAfter;
		}
		if (failure instanceof LoveandpayServerException server) {
			return RETRIED_SERVER_STATUSES.contains(server.statusCode()) ? backoff() : null;
		}
		if (failure instanceof LoveandpayTransportException) {
			return backoff();
		}
		return null;
	}

	private Duration backoff() {
		return this.policy.backoff(this.attempts, ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * Retry after this delay, for this reason.
	 */
	record Decision(Duration delay, String reason) {

	}

}
