package io.loveandpay.client;

import org.jspecify.annotations.Nullable;

/**
 * How far an observed call got: its attempts and the HTTP status of its last answer.
 * Written by the call, read by its {@link LoveandpayObservationContext}; a type of its
 * own so that the client's call path names nothing of Micrometer.
 */
final class CallProgress {

	private volatile int attempts;

	private volatile @Nullable Integer httpStatus;

	int attempts() {
		return this.attempts;
	}

	@Nullable Integer httpStatus() {
		return this.httpStatus;
	}

	void attemptStarted() {
		this.attempts++;
	}

	void answered(int status) {
		this.httpStatus = status;
	}

}
