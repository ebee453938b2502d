package io.loveandpay.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The account's rate limit was exceeded (HTTP 429).
 *
 * @since 0.1.0
 */
public class LoveandpayRateLimitException extends LoveandpayApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 * @param retryAfter how long the provider asked to wait, if it said
	 */
	public LoveandpayRateLimitException(String operation, LoveandpayApiError error, @Nullable Duration retryAfter) {
		super(operation, error);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long the provider asked to wait before the next request, from its
	 * {@code Retry-After} header.
	 * @return the wait or {@code null} when the provider did not say
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
