package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception raised by the loveandpay client. Messages never contain keys,
 * signatures or personal data.
 *
 * @since 0.1.0
 */
public class LoveandpayException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String operation;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed, for example
	 * {@code kyc.sessions.get}
	 * @param message the message, free of secrets and personal data
	 * @param cause the cause, if any
	 */
	public LoveandpayException(String operation, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Return the API operation that failed, for example {@code kyc.sessions.create}.
	 * @return the operation name
	 */
	public String operation() {
		return this.operation;
	}

}
