package io.loveandpay.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import io.loveandpay.client.LoveandpayAccessDeniedException;
import io.loveandpay.client.LoveandpayApiError;
import io.loveandpay.client.LoveandpayApiException;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayInvalidRequestException;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayServerException;

/**
 * Reads the provider's two error shapes, nested ({@code {"success": false, "error":
 * {"code": ..., "message": ..., "requestId": ...}}}) and flat ({@code {"error":
 * "NO_TERMINAL", "code": ..., "message": ..., "hint": ...}}), and turns them into typed
 * exceptions.
 * <p>
 * A {@code TIMESTAMP_EXPIRED} refusal aligns the signing clock with the answer's
 * {@code Date} only when the answer came over https or from a loopback stand-in: over
 * plain http to another machine anyone on the way could move the clock.
 */
final class ApiErrors {

	static final String REQUEST_ID_HEADER = "x-request-id";

	static final String TIMESTAMP_EXPIRED = "TIMESTAMP_EXPIRED";

	private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]+");

	private static final Log logger = LogFactory.getLog(LoveandpayApiClient.class);

	private final JsonMapper json;

	private final LoveandpayClockSkew skew;

	ApiErrors(JsonMapper json, LoveandpayClockSkew skew) {
		this.json = json;
		this.skew = skew;
	}

	LoveandpayException fromResponse(LoveandpayCall call, int status, HttpHeaders headers, byte[] body) {
		return fromResponse(call, status, headers, body, null);
	}

	/**
	 * Turn an answer that is not a success into a typed exception.
	 * @param call the call
	 * @param status the answer's status
	 * @param headers the answer's headers
	 * @param body the answer's body
	 * @param url the URL the request was sent to, which decides whether the answer's
	 * {@code Date} may align the clock; {@code null} when unknown, and then it may not
	 * @return the exception
	 */
	LoveandpayException fromResponse(LoveandpayCall call, int status, HttpHeaders headers, byte[] body,
			@Nullable URI url) {
		LoveandpayApiError error = read(status, headers, body);
		String operation = call.operation();
		if (status == 401) {
			if (TIMESTAMP_EXPIRED.equals(error.code())) {
				if (url != null && trustsDateFrom(url)) {
					alignClock(headers);
				}
				else {
					logger.warn("The provider refused a request as TIMESTAMP_EXPIRED; the answer's Date header is not "
							+ "used to align the clock, as it came over plain http from another machine: "
							+ "check this machine's clock (NTP)");
				}
			}
			return new LoveandpayAuthenticationException(operation, error);
		}
		if (status == 403) {
			return new LoveandpayAccessDeniedException(operation, error);
		}
		if (status == 404) {
			return new LoveandpayNotFoundException(operation, error);
		}
		if (status == 429) {
			return new LoveandpayRateLimitException(operation, error, retryAfter(headers));
		}
		if (status >= 500 && status < 600) {
			return new LoveandpayServerException(operation, error);
		}
		if (status >= 400 && status < 500) {
			return new LoveandpayInvalidRequestException(operation, error);
		}
		LoveandpayProtocolException unexpected = new LoveandpayProtocolException(operation,
				operation + " received an unexpected HTTP " + status + " (redirects are not followed)", null);
		if (call.idempotent()) {
			return unexpected;
		}
		// Neither a success nor a refusal: the provider may have acted on the request.
		return Failures.outcomeUnknown(call, "HTTP " + status + ", neither a success nor a refusal", unexpected);
	}

	LoveandpayApiException fromEnvelope(LoveandpayCall call, int status, HttpHeaders headers,
			@Nullable JsonNode error) {
		Fields fields = new Fields();
		if (error != null) {
			fields.read(error.isObject() ? error : this.json.createObjectNode().set("error", error));
		}
		return new LoveandpayApiException(call.operation(), fields.toError(status, headers));
	}

	private LoveandpayApiError read(int status, HttpHeaders headers, byte[] body) {
		Fields fields = new Fields();
		if (body.length > 0 && isJson(headers.getContentType())) {
			try {
				JsonNode root = this.json.readTree(body);
				if (root != null && root.isObject()) {
					JsonNode nested = root.get("error");
					fields.read((nested != null && nested.isObject()) ? nested : root);
				}
			}
			catch (JacksonException ex) {
				// Not the JSON it claims to be: the status alone tells what happened.
			}
		}
		return fields.toError(status, headers);
	}

	private void alignClock(HttpHeaders headers) {
		Instant date = httpDate(headers.getFirst(HttpHeaders.DATE));
		if (date == null) {
			logger.warn("The provider refused a request as TIMESTAMP_EXPIRED without a Date header to align with: "
					+ "check this machine's clock (NTP)");
			return;
		}
		long before = this.skew.offsetMillis();
		if (!this.skew.align(date)) {
			logger.warn("The provider refused a request as TIMESTAMP_EXPIRED and its Date header is more than "
					+ LoveandpayClockSkew.MAX_CORRECTION.toMinutes()
					+ " minutes from this machine's clock: the header is ignored; check this machine's clock (NTP)");
		}
		else if (this.skew.offsetMillis() != before) {
			logger.warn("The provider refused a request as TIMESTAMP_EXPIRED: this machine's clock is "
					+ Math.abs(this.skew.offsetMillis()) / 1000 + " s "
					+ ((this.skew.offsetMillis() > 0) ? "behind" : "ahead of")
					+ " the provider's. Requests are signed with the provider's time from now on; fix this machine's clock (NTP)");
		}
	}

	/**
	 * Whether the {@code Date} of an answer to this URL may move the clock: only an
	 * answer over https, whose sender TLS vouches for, or from a stand-in on this machine
	 * ({@code localhost} or a loopback IP literal) is trusted.
	 * @param url the URL the request was sent to
	 * @return whether to take its answer's {@code Date}
	 */
	static boolean trustsDateFrom(URI url) {
		return "https".equalsIgnoreCase(url.getScheme()) || Loopback.isLoopback(url);
	}

	static boolean isJson(@Nullable MediaType contentType) {
		return contentType == null || MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| contentType.getSubtype().endsWith("+json");
	}

	/**
	 * Read {@code Retry-After}, in seconds or as an HTTP-date, bounded by
	 * {@link LoveandpayRateLimitException#MAX_RETRY_AFTER}.
	 * @param headers the answer's headers
	 * @return the wait, or {@code null} when there is none or it is not a wait
	 */
	@Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (DELTA_SECONDS.matcher(trimmed).matches()) {
			// More digits than a day's worth of seconds could need is at least a day.
			return (trimmed.length() > 9) ? LoveandpayRateLimitException.MAX_RETRY_AFTER
					: atMostADay(Duration.ofSeconds(Long.parseLong(trimmed)));
		}
		Instant at = httpDate(trimmed);
		if (at == null) {
			return null;
		}
		Duration wait = Duration.between(this.skew.clock().instant(), at);
		return wait.isNegative() ? Duration.ZERO : atMostADay(wait);
	}

	private static Duration atMostADay(Duration wait) {
		Duration max = LoveandpayRateLimitException.MAX_RETRY_AFTER;
		return (wait.compareTo(max) > 0) ? max : wait;
	}

	private static @Nullable Instant httpDate(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The fields of either error shape.
	 */
	private static final class Fields {

		private @Nullable String code;

		private @Nullable String message;

		private @Nullable String hint;

		private @Nullable String requestId;

		void read(JsonNode node) {
			this.code = text(node, "code");
			this.message = text(node, "message");
			this.hint = text(node, "hint");
			this.requestId = text(node, "requestId");
			String error = text(node, "error");
			if (error != null) {
				if (this.code == null && error.matches("[A-Z][A-Z0-9_]*")) {
					this.code = error;
				}
				else if (this.message == null) {
					this.message = error;
				}
			}
		}

		LoveandpayApiError toError(int status, HttpHeaders headers) {
			String id = (this.requestId != null) ? this.requestId : headers.getFirst(REQUEST_ID_HEADER);
			return new LoveandpayApiError(status, clean(this.code), this.message, this.hint, clean(id));
		}

		private static @Nullable String clean(@Nullable String value) {
			return (value != null) ? Redaction.clean(value) : null;
		}

		private static @Nullable String text(JsonNode node, String name) {
			JsonNode value = node.get(name);
			return (value != null && value.isString() && !value.stringValue().isBlank()) ? value.stringValue() : null;
		}

	}

}
