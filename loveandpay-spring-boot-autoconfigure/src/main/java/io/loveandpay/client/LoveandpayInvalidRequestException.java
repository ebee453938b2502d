package io.loveandpay.client;

/**
 * The provider rejected the request as invalid (HTTP 4xx other than 401, 403, 404 and
 * 429), for example {@code VALIDATION_ERROR} or {@code NO_TERMINAL}.
 *
 * @since 0.1.0
 */
public class LoveandpayInvalidRequestException extends LoveandpayApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 */
	public LoveandpayInvalidRequestException(String operation, LoveandpayApiError error) {
		super(operation, error);
	}

}
