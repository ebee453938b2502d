package io.loveandpay.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoveandpayApiError}: what an exception's message shows of what the
 * provider said.
 */
class LoveandpayApiErrorTests {

	private static final String PERSONAL_MESSAGE = "phone +79161234567 of Иван Петров is invalid";

	@ParameterizedTest
	@ValueSource(strings = { "req_c3c91207b2e9f1", "550e8400-e29b-41d4-a716-446655440000", "edge-01:req.4711" })
	void requestIdIsShownWholeWhileTheProvidersTextStaysMasked(String requestId) {
		LoveandpayApiError error = new LoveandpayApiError(422, "VALIDATION_ERROR", PERSONAL_MESSAGE, null, requestId);
		String message = new LoveandpayInvalidRequestException("kyc.sessions.create", error).getMessage();
		assertThat(message).contains("[request id " + requestId + "]")
			.doesNotContain("79161234567")
			.doesNotContain("Иван")
			.doesNotContain("Петров");
	}

	@ParameterizedTest
	@ValueSource(strings = { "req 1990-05-14", "Иван", "req/../x", "req\"x", "req;drop" })
	void requestIdWithOtherCharactersIsMasked(String requestId) {
		LoveandpayApiError error = new LoveandpayApiError(400, "NO_TERMINAL", null, null, requestId);
		assertThat(error.describe()).endsWith("[request id ***]");
	}

	@ParameterizedTest
	@ValueSource(ints = { 129, 300 })
	void requestIdLongerThanAnyProvidersIsMasked(int length) {
		LoveandpayApiError error = new LoveandpayApiError(400, "NO_TERMINAL", null, null, "r".repeat(length));
		assertThat(error.describe()).endsWith("[request id ***]");
	}

}
