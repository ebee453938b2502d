package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * A request that changes state may or may not have taken effect: it was sent, but no
 * complete answer came back. It is never retried automatically, because the provider has
 * no idempotency keys; the message says how to find out what happened.
 *
 * @since 0.1.0
 */
public class LoveandpayOutcomeUnknownException extends LoveandpayException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param operation the API operation whose outcome is unknown
	 * @param message the message, including how to find out
	 * @param cause what went wrong after the request was sent
	 */
	public LoveandpayOutcomeUnknownException(String operation, String message, @Nullable Throwable cause) {
		super(operation, message, cause);
	}

}
