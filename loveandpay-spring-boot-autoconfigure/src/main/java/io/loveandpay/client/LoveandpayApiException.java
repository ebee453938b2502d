package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with an error. Subclasses name the usual HTTP statuses.
 *
 * @since 0.1.0
 */
public class LoveandpayApiException extends LoveandpayException {

	private static final long serialVersionUID = 1L;

	private final LoveandpayApiError error;

	/**
	 * Create a new exception.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 */
	public LoveandpayApiException(String operation, LoveandpayApiError error) {
		this(operation, error, null);
	}

	/**
	 * Create a new exception whose message ends with advice on what to check.
	 * @param operation the API operation that failed
	 * @param error what the provider said
	 * @param advice what to check, in one or two sentences, or {@code null}
	 */
	protected LoveandpayApiException(String operation, LoveandpayApiError error, @Nullable String advice) {
		super(operation, operation + " failed with " + error.describe() + ((advice != null) ? ". " + advice : ""),
				null);
		this.error = error;
	}

	/**
	 * Create a new exception with a message of its own, for a refusal that did not come
	 * from the provider.
	 * @param operation the API operation that failed
	 * @param message the message, free of secrets and personal data
	 * @param error what to report as the error
	 */
	protected LoveandpayApiException(String operation, String message, LoveandpayApiError error) {
		super(operation, message, null);
		this.error = error;
	}

	/**
	 * Return what the provider said, unmasked.
	 * @return the error details
	 */
	public LoveandpayApiError error() {
		return this.error;
	}

	/**
	 * Return the HTTP status code of the answer.
	 * @return the status code
	 */
	public int statusCode() {
		return this.error.statusCode();
	}

	/**
	 * Return the provider's error code, such as {@code INVALID_SIGNATURE}.
	 * @return the error code or {@code null}
	 */
	public @Nullable String errorCode() {
		return this.error.code();
	}

	/**
	 * Return the request id to quote to the provider's support.
	 * @return the request id or {@code null}
	 */
	public @Nullable String requestId() {
		return this.error.requestId();
	}

	/**
	 * Return the provider's message as sent. It may quote values of the request.
	 * @return the message or {@code null}
	 */
	public @Nullable String providerMessage() {
		return this.error.message();
	}

	/**
	 * Return the provider's hint on how to fix the request.
	 * @return the hint or {@code null}
	 */
	public @Nullable String hint() {
		return this.error.hint();
	}

}
