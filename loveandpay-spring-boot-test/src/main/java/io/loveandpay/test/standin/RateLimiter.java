package io.loveandpay.test.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The account's limits over sliding windows: by default 100 requests in any minute and
 * 1,000 in any hour.
 */
final class RateLimiter {

	private final List<Map.Entry<Duration, Integer>> limits;

	private final Duration longest;

	private final Deque<Instant> accepted = new ArrayDeque<>();

	/**
	 * Make a rate limiter.
	 * @param limits requests allowed in any window of each length; none for no limits
	 */
	RateLimiter(Map<Duration, Integer> limits) {
		this.limits = List.copyOf(limits.entrySet());
		this.longest = limits.keySet().stream().max(Duration::compareTo).orElse(Duration.ZERO);
	}

	/**
	 * Count a request, or refuse it.
	 * @param now the stand-in's time
	 * @return {@code null} when accepted, else how long until one more is allowed
	 */
	synchronized @Nullable Duration acquire(Instant now) {
		if (this.limits.isEmpty()) {
			return null;
		}
		while (!this.accepted.isEmpty() && !this.accepted.peekFirst().isAfter(now.minus(this.longest))) {
			this.accepted.pollFirst();
		}
		Duration wait = null;
		for (Map.Entry<Duration, Integer> limit : this.limits) {
			Duration window = limit.getKey();
			Instant windowStart = now.minus(window);
			int inWindow = 0;
			Instant oldestInWindow = null;
			for (var it = this.accepted.descendingIterator(); it.hasNext();) {
				Instant at = it.next();
				if (!at.isAfter(windowStart)) {
					break;
				}
				inWindow++;
				oldestInWindow = at;
			}
			if (inWindow >= limit.getValue() && oldestInWindow != null) {
				Duration untilFree = Duration.between(now, oldestInWindow.plus(window));
				if (wait == null || untilFree.compareTo(wait) > 0) {
					wait = untilFree;
				}
			}
		}
		if (wait != null) {
			return wait;
		}
		this.accepted.addLast(now);
		return null;
	}

	synchronized void reset() {
		this.accepted.clear();
	}

}
