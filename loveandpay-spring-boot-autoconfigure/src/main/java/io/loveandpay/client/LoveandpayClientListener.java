package io.loveandpay.client;

import java.time.Duration;

/**
 * Hears what the client does besides answering calls, for metrics and alerts: retries,
 * values the provider sends that its documentation does not list, and the waits and
 * refusals of the client's request quota. Called on the thread that handles the call;
 * implementations must be quick and must not block.
 *
 * @since 0.1.0
 */
public interface LoveandpayClientListener {

	/** A listener that does nothing. */
	LoveandpayClientListener NONE = new LoveandpayClientListener() {
	};

	/**
	 * A failed attempt is about to be retried.
	 * @param operation the operation, such as {@code kyc.sessions.get}
	 * @param reason why: an HTTP status such as {@code 503}, or {@code IO_ERROR},
	 * {@code TIMEOUT}, {@code NOT_SENT}, {@code RATE_LIMITED}, {@code TIMESTAMP_EXPIRED}
	 */
	default void retrying(String operation, String reason) {
	}

	/**
	 * The provider sent a value its documentation does not list: an unknown field, or an
	 * unknown value of a documented field such as a session status.
	 * @param field where, such as {@code KycSession.status} or
	 * {@code KycSession.riskScore}; never the value itself
	 */
	default void undocumentedValue(String field) {
	}

	/**
	 * An attempt took a permit of the client's request quota.
	 * @param operation the operation
	 * @param waited how long it waited for the permit, zero when one was free
	 */
	default void permitTaken(String operation, Duration waited) {
	}

	/**
	 * The client's request quota refused a call, which was not sent: no permit would be
	 * free before the call's deadline.
	 * @param operation the operation
	 */
	default void refusedByQuota(String operation) {
	}

}
