package io.loveandpay.test.standin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One scripted fault, consumed by one request.
 *
 * @param kind what goes wrong
 * @param status the status to answer, for {@link Kind#STATUS}
 * @param duration the delay or {@code Retry-After}
 * @param name the undocumented status value or field name
 * @param value the extra field's value
 */
record Fault(Kind kind, int status, Duration duration, @Nullable String name, @Nullable Object value) {

	static Fault of(Kind kind) {
		return new Fault(kind, 0, Duration.ZERO, null, null);
	}

	/**
	 * What a fault does.
	 */
	enum Kind {

		STATUS, FLAT_STATUS, RATE_LIMIT, DELAY, RESET, LOSE_ANSWER, UNDOCUMENTED_STATUS, EXTRA_FIELD

	}

}
