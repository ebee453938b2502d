package io.loveandpay.client;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What an observation of one API call knows: the operation, and as it goes, its attempts,
 * the last HTTP status, and once it ends, its outcome.
 *
 * @since 0.1.0
 */
public final class LoveandpayObservationContext extends Observation.Context {

	private final String operation;

	private volatile int attempts;

	private volatile @Nullable Integer httpStatus;

	private volatile @Nullable LoveandpayException failure;

	private volatile boolean cancelled;

	/**
	 * Create a context for a call of an operation.
	 * @param operation the operation, such as {@code kyc.sessions.get}
	 */
	public LoveandpayObservationContext(String operation) {
		Assert.hasText(operation, "'operation' must not be empty");
		this.operation = operation;
	}

	/**
	 * Return the operation, such as {@code kyc.sessions.get}.
	 * @return the operation
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Return how many attempts were made.
	 * @return the attempts so far
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * Set how many attempts were made.
	 * @param attempts the attempts so far
	 */
	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	/**
	 * Return the HTTP status of the last answer.
	 * @return the status, or {@code null} when no answer came
	 */
	public @Nullable Integer httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Set the HTTP status of the last answer.
	 * @param httpStatus the status
	 */
	public void setHttpStatus(@Nullable Integer httpStatus) {
		this.httpStatus = httpStatus;
	}

	/**
	 * Return how the call failed.
	 * @return the failure, or {@code null} when it succeeded or is not over
	 */
	public @Nullable LoveandpayException failure() {
		return this.failure;
	}

	/**
	 * Set how the call failed.
	 * @param failure the failure
	 */
	public void setFailure(@Nullable LoveandpayException failure) {
		this.failure = failure;
	}

	/**
	 * Return whether the caller cancelled the call before it ended.
	 * @return {@code true} when cancelled
	 */
	public boolean cancelled() {
		return this.cancelled;
	}

	/**
	 * Set whether the caller cancelled the call before it ended.
	 * @param cancelled whether it was cancelled
	 */
	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

}
