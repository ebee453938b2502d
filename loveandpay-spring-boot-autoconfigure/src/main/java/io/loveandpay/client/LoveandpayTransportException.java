package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * The request could not be completed at the network level: the connection was refused,
 * reset or closed early.
 *
 * @since 0.1.0
 */
public class LoveandpayTransportException extends LoveandpayException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param message the message
	 * @param cause the network error
	 */
	public LoveandpayTransportException(String operation, String message, @Nullable Throwable cause) {
		super(operation, message, cause);
	}

}
