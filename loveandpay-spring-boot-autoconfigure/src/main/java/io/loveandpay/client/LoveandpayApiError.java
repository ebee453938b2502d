package io.loveandpay.client;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;
import io.loveandpay.client.internal.Redaction;

/**
 * What the provider said about a failed request: HTTP status, error code, message, hint
 * and request id, read from either of the provider's error shapes.
 *
 * @param statusCode the HTTP status code
 * @param code the provider's error code, such as {@code INVALID_SIGNATURE}
 * @param message the provider's message
 * @param hint the provider's hint on how to fix the request
 * @param requestId the request id for the provider's support, from the body or the
 * {@code x-request-id} header
 * @since 0.1.0
 */
public record LoveandpayApiError(int statusCode, @Nullable String code, @Nullable String message, @Nullable String hint,
		@Nullable String requestId) {

	/**
	 * Describe the error in one line, with any value the provider may have quoted masked.
	 * The request id is shown whole when it has the characters of one, and masked
	 * otherwise.
	 * @return a safe description
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("HTTP ").append(this.statusCode);
		if (this.code != null) {
			text.append(' ').append(Redaction.scrub(this.code));
		}
		if (this.message != null && !this.message.equals(this.code)) {
			text.append(": ").append(Redaction.scrub(this.message));
		}
		if (this.hint != null) {
			text.append(" (hint: ").append(Redaction.scrub(this.hint)).append(')');
		}
		if (this.requestId != null) {
			text.append(" [request id ").append(Redaction.requestId(this.requestId)).append(']');
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return "LoveandpayApiError[" + describe() + "]";
	}

}
