package io.loveandpay.client;

/**
 * The provider failed to handle the request (HTTP 5xx).
 *
 * @since 0.1.0
 */
public class LoveandpayServerException extends LoveandpayApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 */
	public LoveandpayServerException(String operation, LoveandpayApiError error) {
		super(operation, error);
	}

}
