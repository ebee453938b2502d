package io.loveandpay.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import io.loveandpay.client.LoveandpayAccessDeniedException;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayRateLimitException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiErrors}.
 */
class ApiErrorsTests {

	private static final Instant NOW = Instant.parse("2026-01-23T12:00:00Z");

	private static final LoveandpayCall GET = LoveandpayCall
		.get("kyc.sessions.get", "/kyc/sessions/{id}", "550e8400-e29b-41d4-a716-446655440000")
		.build();

	private final ApiErrors errors = new ApiErrors(JsonMapper.builder().build(),
			new LoveandpayClockSkew(Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void retryAfterInSecondsIsTakenAsSent() {
		assertThat(this.errors.retryAfter(retryAfter("120"))).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void hugeRetryAfterIsClampedToTheMaximum() {
		assertThat(this.errors.retryAfter(retryAfter("99999999999")))
			.isEqualTo(LoveandpayRateLimitException.MAX_RETRY_AFTER);
		assertThat(this.errors.retryAfter(retryAfter("999999999999999999999999999")))
			.isEqualTo(LoveandpayRateLimitException.MAX_RETRY_AFTER);
		assertThat(this.errors.retryAfter(retryAfter("Fri, 31 Dec 9999 23:59:59 GMT")))
			.isEqualTo(LoveandpayRateLimitException.MAX_RETRY_AFTER);
	}

	@Test
	void negativeOrGarbageRetryAfterIsNull() {
		assertThat(this.errors.retryAfter(retryAfter("-5"))).isNull();
		assertThat(this.errors.retryAfter(retryAfter("soon"))).isNull();
		assertThat(this.errors.retryAfter(retryAfter("1.5"))).isNull();
		assertThat(this.errors.retryAfter(new HttpHeaders())).isNull();
	}

	@Test
	void rateLimitExceptionClampsWhatItIsGiven() {
		LoveandpayRateLimitException limited = new LoveandpayRateLimitException("op",
				new io.loveandpay.client.LoveandpayApiError(429, null, null, null, null), Duration.ofDays(365_000));
		assertThat(limited.retryAfter()).isEqualTo(LoveandpayRateLimitException.MAX_RETRY_AFTER);
	}

	private static HttpHeaders retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		return headers;
	}

	@Test
	void credentialsRefusedCarriesTheHintOnWhatToCheckInItsMessage() {
		LoveandpayException refused = this.errors.fromResponse(GET, 401, jsonHeaders(),
				"{\"success\":false,\"error\":{\"code\":\"INVALID_SIGNATURE\",\"message\":\"Invalid signature\"}}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(refused).isInstanceOf(LoveandpayAuthenticationException.class)
			.hasMessageContaining("HTTP 401 INVALID_SIGNATURE")
			.hasMessageContaining("check that loveandpay.secret-key is the secret of loveandpay.api-key");
	}

	@Test
	void credentialsRefusedWithAnUnknownCodeStillSaysWhatToCheck() {
		LoveandpayException refused = this.errors.fromResponse(GET, 401, jsonHeaders(), new byte[0]);
		assertThat(refused).isInstanceOf(LoveandpayAuthenticationException.class)
			.hasMessageContaining("loveandpay.api-key")
			.hasMessageContaining("loveandpay.secret-key");
	}

	@Test
	void accessDeniedCarriesTheHintOnWhatToCheckInItsMessage() {
		LoveandpayException denied = this.errors.fromResponse(GET, 403, jsonHeaders(),
				"{\"error\":\"SOURCE_IP_NOT_ALLOWED\",\"code\":\"SOURCE_IP_NOT_ALLOWED\"}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(denied).isInstanceOf(LoveandpayAccessDeniedException.class)
			.hasMessageContaining("HTTP 403 SOURCE_IP_NOT_ALLOWED")
			.hasMessageContaining("Add this machine's public IP address to the allow list");
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
