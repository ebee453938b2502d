package io.loveandpay.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The client's own request quota: one permit per attempt, taken before anything is sent,
 * so that the application stays within the account's rate limits, and a hold that a
 * {@code 429} answer puts on every attempt until the provider's {@code Retry-After}.
 * <p>
 * The client does the waiting: it asks for a permit, and when none is free it waits on
 * its own scheduler for as long as the quota says (within the call's deadline) and asks
 * again. Implementations must not block and must not fail: a quota whose store fails
 * answers from a local one.
 *
 * @since 0.1.0
 */
public interface LoveandpayRequestQuota {

	/**
	 * Take one permit, if one is free.
	 * @return {@link Duration#ZERO} when a permit was taken; otherwise, with no permit
	 * taken, how long to wait before asking again
	 */
	Mono<Duration> tryAcquire();

	/**
	 * Hold back every attempt for a while: the provider answered {@code 429}.
	 * @param wait how long, from now
	 * @return completes when the hold is recorded
	 */
	Mono<Void> holdBack(Duration wait);

	/**
	 * Return where the quota is kept and whether it is on a fallback, for health and
	 * metrics.
	 * @return the state
	 */
	default State state() {
		return new State(getClass().getSimpleName(), null, 0);
	}

	/**
	 * Where a quota is kept and how it fares.
	 *
	 * @param store where the quota is kept, such as {@code memory} or {@code redis}
	 * @param fallbackReason why the quota runs on a local fallback instead of its store
	 * (a type name, never a message or address), or {@code null} when it does not
	 * @param storeErrors how many times the store failed or did not answer in time
	 */
	record State(String store, @Nullable String fallbackReason, long storeErrors) {

		/**
		 * Return whether the quota runs on a local fallback.
		 * @return whether it is on the fallback
		 */
		public boolean onFallback() {
			return this.fallbackReason != null;
		}

	}

}
