package io.loveandpay.client.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DebugBodies}.
 */
class DebugBodiesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void valuesOutsideKnownFieldsAreMaskedWhereverTheyAre() {
		assertThat(render("\"Иван\"")).isEqualTo("\"***\"");
		assertThat(render("{\"data\":[\"Иван\",{\"id\":\"s-1\",\"givenName\":\"Иван\"}],\"extra\":[1,2]}"))
			.isEqualTo("{\"data\":[\"***\",{\"id\":\"s-1\",\"givenName\":\"***\"}],\"extra\":\"***\"}");
	}

	@Test
	void envelopeAndItsFreeTextAreShownWithPersonalDataMasked() {
		assertThat(render("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Иван is invalid\","
				+ "\"requestId\":\"req_1\"},\"pagination\":{\"total\":3,\"limit\":1,\"offset\":0,\"pages\":3}}"))
			.isEqualTo("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"*** is invalid\","
					+ "\"requestId\":\"req_1\"},\"pagination\":{\"total\":3,\"limit\":1,\"offset\":0,\"pages\":3}}");
	}

	private String render(String body) {
		return DebugBodies.render(this.json, body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
	}

}
