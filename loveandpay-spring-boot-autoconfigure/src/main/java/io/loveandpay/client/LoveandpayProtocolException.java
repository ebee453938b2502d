package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with something that is not what the API promises: an empty body,
 * HTML, truncated or mistyped JSON. The message names the field, never its value.
 *
 * @since 0.1.0
 */
public class LoveandpayProtocolException extends LoveandpayException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param message the message
	 * @param cause the decoding error, redacted, if any
	 */
	public LoveandpayProtocolException(String operation, String message, @Nullable Throwable cause) {
		super(operation, message, cause);
	}

}
