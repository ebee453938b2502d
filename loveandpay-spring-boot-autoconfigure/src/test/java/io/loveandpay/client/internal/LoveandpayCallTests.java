package io.loveandpay.client.internal;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoveandpayCall}.
 */
class LoveandpayCallTests {

	private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

	@Test
	void pathVariablesAndQueryBecomeOneTemplateWithItsValuesInOrder() {
		LoveandpayCall call = LoveandpayCall.get("kyc.sessions.list", "/kyc/sessions/{id}/things", ID)
			.query("status", "APPROVED")
			.query("skipped", null)
			.query("cursor", "a b&c=d/e")
			.build();
		assertThat(call.uriTemplate()).isEqualTo("/kyc/sessions/{id}/things?status={_q0}&cursor={_q1}");
		assertThat(call.uriVariables()).containsExactly(ID, "APPROVED", "a b&c=d/e");
	}

	@Test
	void queryValuesAreEncodedWholeAsWebClientExpandsThem() {
		LoveandpayCall call = LoveandpayCall.get("kyc.sessions.list", "/kyc/sessions")
			.query("cursor", "a b&c=d+e")
			.build();
		URI uri = new DefaultUriBuilderFactory("http://127.0.0.1/api/v2").expand(call.uriTemplate(),
				call.uriVariables());
		assertThat(uri.getRawPath()).isEqualTo("/api/v2/kyc/sessions");
		assertThat(uri.getRawQuery()).isEqualTo("cursor=a%20b%26c%3Dd%2Be");
	}

	@Test
	void refusesQueryNamesThatAreNotPlainTokens() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoveandpayCall.get("op", "/kyc/sessions").query("a&b", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> LoveandpayCall.get("op", "/kyc/sessions").query("", "x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoveandpayCall.get("op", "/kyc/sessions").query("{x}", "x"));
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "%2e", "%2E", "%2e%2e", ".%2E", "%2E.", "%252e%252E" })
	void refusesPathVariablesThatAreDotSegments(String value) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoveandpayCall.get("kyc.sessions.get", "/kyc/sessions/{id}", value))
			.withMessageContaining("'.' or '..'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoveandpayCall.get("kyc.sessions.get", "/kyc/sessions/{id}/things/{n}", ID, value));
	}

	@ParameterizedTest
	@ValueSource(strings = { "...", "a.b", ".a", "..a", "%2e%2e%2e", "verification-550e8400" })
	void acceptsPathVariablesThatOnlyContainDots(String value) {
		LoveandpayCall call = LoveandpayCall.get("kyc.sessions.get", "/kyc/sessions/{id}", value).build();
		assertThat(call.uriVariables()).containsExactly(value);
	}

}
