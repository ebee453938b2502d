package io.loveandpay.client;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one API call knows: the operation, and once it ends, its
 * outcome, the last HTTP status and the provider's error code.
 *
 * @since 0.1.0
 */
public final class LoveandpayObservationContext extends Observation.Context {

	private final LoveandpayCall call;

	private final CallProgress progress;

	private volatile @Nullable LoveandpayException failure;

	private volatile boolean cancelled;

	LoveandpayObservationContext(LoveandpayCall call, CallProgress progress) {
		this.call = call;
		this.progress = progress;
	}

	/**
	 * Return the call.
	 * @return the call
	 */
	public LoveandpayCall call() {
		return this.call;
	}

	/**
	 * Return the operation, such as {@code kyc.sessions.get}.
	 * @return the operation
	 */
	public String operation() {
		return this.call.operation();
	}

	/**
	 * Return how many attempts were made.
	 * @return the attempts so far
	 */
	public int attempts() {
		return this.progress.attempts();
	}

	/**
	 * Return the HTTP status of the last answer.
	 * @return the status, or {@code null} when no answer came
	 */
	public @Nullable Integer httpStatus() {
		return this.progress.httpStatus();
	}

	/**
	 * Return how the call failed.
	 * @return the failure, or {@code null} when it succeeded or is not over
	 */
	public @Nullable LoveandpayException failure() {
		return this.failure;
	}

	/**
	 * Return whether the caller cancelled the call before it ended.
	 * @return {@code true} when cancelled
	 */
	public boolean cancelled() {
		return this.cancelled;
	}

	void failed(LoveandpayException failure) {
		this.failure = failure;
	}

	void cancel() {
		this.cancelled = true;
	}

}
