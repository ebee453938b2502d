package io.loveandpay.client;

/**
 * The requested resource does not exist (HTTP 404).
 *
 * @since 0.1.0
 */
public class LoveandpayNotFoundException extends LoveandpayApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 */
	public LoveandpayNotFoundException(String operation, LoveandpayApiError error) {
		super(operation, error);
	}

}
