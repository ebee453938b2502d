package io.loveandpay.client;

import java.util.regex.Pattern;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default observation of an API call: named {@code loveandpay.client.requests}, with
 * low-cardinality tags only.
 * <ul>
 * <li>{@code operation}: such as {@code kyc.sessions.create}, {@code kyc.sessions.get},
 * {@code kyc.sessions.list}.</li>
 * <li>{@code outcome}: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
 * {@code RATE_LIMITED}, {@code TRANSPORT_ERROR}, {@code TIMEOUT}, {@code PROTOCOL_ERROR},
 * {@code OUTCOME_UNKNOWN} or {@code CANCELLED}.</li>
 * <li>{@code status}: the HTTP status of the last answer, or {@code IO_ERROR},
 * {@code TIMEOUT}, {@code NONE} when none came.</li>
 * <li>{@code error.code}: the provider's error code, {@code none}, or {@code OTHER} for a
 * value that does not look like a code.</li>
 * </ul>
 * Never an id or a URL with ids in it.
 *
 * @since 0.1.0
 */
public class DefaultLoveandpayObservationConvention implements LoveandpayObservationConvention {

	/** Name of the observation and of its timer. */
	public static final String NAME = "loveandpay.client.requests";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(LoveandpayObservationContext context) {
		return "loveandpay " + context.operation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LoveandpayObservationContext context) {
		return KeyValues.of("operation", context.operation(), "outcome", outcome(context), "status", status(context),
				"error.code", errorCode(context.failure()));
	}

	protected String outcome(LoveandpayObservationContext context) {
		LoveandpayException failure = context.failure();
		if (failure == null) {
			return context.cancelled() ? "CANCELLED" : "SUCCESS";
		}
		if (failure instanceof LoveandpayOutcomeUnknownException) {
			return "OUTCOME_UNKNOWN";
		}
		if (failure instanceof LoveandpayRateLimitException) {
			return "RATE_LIMITED";
		}
		if (failure instanceof LoveandpayApiException api) {
			return (api.statusCode() >= 500) ? "SERVER_ERROR" : "CLIENT_ERROR";
		}
		if (failure instanceof LoveandpayTimeoutException) {
			return "TIMEOUT";
		}
		if (failure instanceof LoveandpayTransportException) {
			return "TRANSPORT_ERROR";
		}
		return "PROTOCOL_ERROR";
	}

	protected String status(LoveandpayObservationContext context) {
		Integer status = context.httpStatus();
		if (status != null) {
			return Integer.toString(status);
		}
		Throwable failure = context.failure();
		if (failure instanceof LoveandpayOutcomeUnknownException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		if (failure instanceof LoveandpayTimeoutException) {
			return "TIMEOUT";
		}
		if (failure instanceof LoveandpayTransportException) {
			return "IO_ERROR";
		}
		return "NONE";
	}

	protected String errorCode(@Nullable LoveandpayException failure) {
		if (failure instanceof LoveandpayApiException api && api.errorCode() != null) {
			return CODE.matcher(api.errorCode()).matches() ? api.errorCode() : "OTHER";
		}
		return "none";
	}

}
