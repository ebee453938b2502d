package io.loveandpay.smoke;

import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.test.testsupport.CanaryKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Answers that no provider means to give and that the stand-in cannot script, served raw
 * by WireMock on loopback: a body cut short, and a proxy's HTML error page. The
 * newcomer's application sees them as the client's documented failures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class MalformedAnswerTests {

	@RegisterExtension
	static final WireMockExtension provider = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Autowired
	KycSessionService sessions;

	@DynamicPropertySource
	static void loveandpay(DynamicPropertyRegistry registry) {
		registry.add("loveandpay.api-key", () -> "pk_test_malformed");
		registry.add("loveandpay.secret-key", () -> CanaryKeys.SECRET_KEY);
		registry.add("loveandpay.base-url", provider::baseUrl);
	}

	@Test
	void truncatedBodyIsAProtocolError() {
		UUID id = UUID.randomUUID();
		provider.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + id)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":true,\"session\":{\"id\":\"" + id + "\",\"sta")));
		assertThatExceptionOfType(LoveandpayProtocolException.class)
			.isThrownBy(() -> this.sessions.blocking().getSession(id));
		provider.verify(getRequestedFor(urlPathEqualTo("/api/v2/kyc/sessions/" + id)));
	}

	@Test
	void htmlBadGatewayIsAServerErrorWithoutTheHtml(CapturedOutput output) {
		UUID id = UUID.randomUUID();
		provider.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + id)).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><head><title>502 Bad Gateway</title></head><body>upstream-proxy</body></html>")));
		assertThatExceptionOfType(LoveandpayServerException.class)
			.isThrownBy(() -> this.sessions.blocking().getSession(id))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("502").doesNotContain("upstream-proxy"));
		assertThat(output).doesNotContain("upstream-proxy");
	}

}
