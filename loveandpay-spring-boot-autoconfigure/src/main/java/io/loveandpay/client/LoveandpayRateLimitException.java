package io.loveandpay.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The account's rate limit was exceeded (HTTP 429).
 *
 * @since 0.1.0
 */
public class LoveandpayRateLimitException extends LoveandpayApiException {

	/**
	 * Longest wait that {@link #retryAfter()} reports: one day. A longer
	 * {@code Retry-After} is taken as this long; the account's limits are per minute and
	 * per hour, so a longer wait says nothing more than "not today".
	 */
	public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 * @param retryAfter how long the provider asked to wait, if it said; a negative wait
	 * counts as not said, and one longer than {@link #MAX_RETRY_AFTER} as that long
	 */
	public LoveandpayRateLimitException(String operation, LoveandpayApiError error, @Nullable Duration retryAfter) {
		super(operation, error);
		this.retryAfter = clamp(retryAfter);
	}

	/**
	 * Bound a wait the provider asked for to {@link #MAX_RETRY_AFTER}.
	 * @param retryAfter the wait, if any
	 * @return the wait, at most {@link #MAX_RETRY_AFTER}, or {@code null} when there was
	 * none or it was negative
	 */
	private static @Nullable Duration clamp(@Nullable Duration retryAfter) {
		if (retryAfter == null || retryAfter.isNegative()) {
			return null;
		}
		return (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : retryAfter;
	}

	/**
	 * Return how long the provider asked to wait before the next request, from its
	 * {@code Retry-After} header, at most {@link #MAX_RETRY_AFTER}.
	 * @return the wait or {@code null} when the provider did not say or said something
	 * that is not a wait
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
