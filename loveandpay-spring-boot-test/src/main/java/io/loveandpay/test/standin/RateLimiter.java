package io.loveandpay.test.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * The account's limits over sliding windows of a minute and an hour.
 */
final class RateLimiter {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration HOUR = Duration.ofHours(1);

	private final int perMinute;

	private final int perHour;

	private final Deque<Instant> accepted = new ArrayDeque<>();

	RateLimiter(int perMinute, int perHour) {
		this.perMinute = perMinute;
		this.perHour = perHour;
	}

	/**
	 * Count a request, or refuse it.
	 * @param now the stand-in's time
	 * @return {@code null} when accepted, else how long until one more is allowed
	 */
	synchronized @Nullable Duration acquire(Instant now) {
		while (!this.accepted.isEmpty() && !this.accepted.peekFirst().isAfter(now.minus(HOUR))) {
			this.accepted.pollFirst();
		}
		if (this.accepted.size() >= this.perHour) {
			return Duration.between(now, this.accepted.peekFirst().plus(HOUR));
		}
		Instant minuteAgo = now.minus(MINUTE);
		int inMinute = 0;
		Instant oldestInMinute = null;
		for (var it = this.accepted.descendingIterator(); it.hasNext();) {
			Instant at = it.next();
			if (!at.isAfter(minuteAgo)) {
				break;
			}
			inMinute++;
			oldestInMinute = at;
		}
		if (inMinute >= this.perMinute && oldestInMinute != null) {
			return Duration.between(now, oldestInMinute.plus(MINUTE));
		}
		if (this.perHour != Integer.MAX_VALUE || this.perMinute != Integer.MAX_VALUE) {
			this.accepted.addLast(now);
		}
		return null;
	}

	synchronized void reset() {
		this.accepted.clear();
	}

}
