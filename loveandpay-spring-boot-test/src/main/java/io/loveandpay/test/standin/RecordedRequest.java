package io.loveandpay.test.standin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request the stand-in received, as its journal keeps it.
 *
 * @param method the HTTP method, upper case
 * @param path the raw path, without the query
 * @param query the raw query string, without {@code ?}, or {@code null}
 * @param status the status answered, or {@code 0} when the connection was closed without
 * an answer
 * @param signature the verdict on the signature headers
 * @param requestId the {@code x-request-id} answered (also kept when no answer was sent)
 * @param receivedAt when it was received, by the stand-in's clock
 * @since 0.1.0
 */
public record RecordedRequest(String method, String path, @Nullable String query, int status,
		SignatureVerdict signature, String requestId, Instant receivedAt) {

	/**
	 * Whether the connection was closed without an answer (a scripted reset or lost
	 * answer).
	 * @return whether no answer was sent
	 */
	public boolean answerLost() {
		return this.status == 0;
	}

}
