package io.loveandpay.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The account's rate limit was exceeded: the provider answered HTTP 429, or the client's
 * own request quota refused the call before sending it ({@link #sent()} tells which).
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

	/**
	 * Error code of a call that the client's own request quota refused, which was not
	 * sent.
	 */
	public static final String CLIENT_QUOTA = "CLIENT_QUOTA";

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	private final boolean sent;

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
		this.sent = true;
	}

	private LoveandpayRateLimitException(String operation, String message, LoveandpayApiError error,
			Duration retryAfter) {
		super(operation, message, error);
		this.retryAfter = clamp(retryAfter);
		this.sent = false;
	}

	/**
	 * Create the exception of a call that the client's own request quota refused before
	 * sending it: no permit would be free before the call's deadline. Its error has the
	 * status 429 and the code {@link #CLIENT_QUOTA}.
	 * @param operation the API operation that was refused
	 * @param retryAfter how long until a permit may be free
	 * @return the exception
	 */
	public static LoveandpayRateLimitException notSent(String operation, Duration retryAfter) {
		LoveandpayApiError error = new LoveandpayApiError(429, CLIENT_QUOTA,
				"refused by the client's own request quota, not sent", null, null);
		return new LoveandpayRateLimitException(operation, operation
				+ " was not sent: the client's own request quota (loveandpay.quota.*) has no permit before the call's "
				+ "deadline, the next being " + Math.max(1, retryAfter.toMillis()) + " ms away. Nothing reached the "
				+ "provider, so the call (a create too) is safe to make again then", error, retryAfter);
	}

	/**
	 * Return whether the request reached the provider, which answered 429. A call that
	 * the client's own request quota refused was not sent, and is safe to make again
	 * later, whatever it does.
	 * @return whether the request was sent
	 */
	public boolean sent() {
		return this.sent;
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
