package io.loveandpay.client;

import io.loveandpay.client.internal.RefusalHints;

/**
 * The provider refused access for this account or caller (HTTP 403), for example
 * {@code SOURCE_IP_NOT_ALLOWED} or {@code PARTNER_INACTIVE}.
 *
 * @since 0.1.0
 */
public class LoveandpayAccessDeniedException extends LoveandpayApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception whose message says what to check.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 */
	public LoveandpayAccessDeniedException(String operation, LoveandpayApiError error) {
		super(operation, error, RefusalHints.accessDenied(error.code()));
	}

}
