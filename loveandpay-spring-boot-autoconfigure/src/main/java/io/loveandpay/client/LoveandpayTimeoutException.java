package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * The provider did not answer in time: connecting, or waiting for the response.
 *
 * @since 0.1.0
 */
public class LoveandpayTimeoutException extends LoveandpayTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param message the message
	 * @param cause the timeout
	 */
	public LoveandpayTimeoutException(String operation, String message, @Nullable Throwable cause) {
		super(operation, message, cause);
	}

}
