package io.loveandpay.client;

import io.loveandpay.client.internal.RefusalHints;

/**
 * The provider refused the credentials or the signature (HTTP 401), for example
 * {@code INVALID_SIGNATURE}, {@code MISSING_HEADERS} or {@code TIMESTAMP_EXPIRED}.
 *
 * @since 0.1.0
 */
public class LoveandpayAuthenticationException extends LoveandpayApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception whose message says what to check.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 */
	public LoveandpayAuthenticationException(String operation, LoveandpayApiError error) {
		super(operation, error, RefusalHints.credentialsRefused(error.code()));
	}

}
