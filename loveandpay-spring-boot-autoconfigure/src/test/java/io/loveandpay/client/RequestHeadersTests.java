package io.loveandpay.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's own headers ({@code Accept} and the signature's) on reactor-netty, where
 * they are written straight into its request, and on another connector, where they go
 * through Spring's headers: each once, signed, and never doubled by a default header.
 */
class RequestHeadersTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static KycSessionService service(String connector, Map<String, String> defaultHeaders) {
		WebClient.Builder builder = WebClient.builder()
			.uriBuilderFactory(new LoveandpayUriBuilderFactory(server.baseUrl() + "/api/v2"))
			.clientConnector(connector.equals("reactor-netty") ? new ReactorClientHttpConnector()
					: new JdkClientHttpConnector());
		defaultHeaders.forEach(builder::defaultHeader);
		LoveandpayClockSkew skew = new LoveandpayClockSkew(Clock.systemUTC());
		return KycSessionService.create(TestClients.apiClient(builder, skew, TestClients.noRetries(WAIT)));
	}

	/**
	 * Read a session and create one, and return the two requests the server received.
	 */
	private static List<LoggedRequest> getAndCreate(KycSessionService service) {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID))
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		server.stubFor(post("/api/v2/kyc/sessions").willReturn(okJson(Fixtures.resource("session-created.json"))));
		service.getSession(Fixtures.APPROVED_ID).block(WAIT);
		service.createSession(CreateKycSessionRequest.builder().customerId("customer-42").build()).block(WAIT);
		List<LoggedRequest> requests = Received.requests(server);
		assertThat(requests).hasSize(2);
		return requests;
	}

	private static void assertOwnHeadersOnce(LoggedRequest request, String accept) {
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
		for (String name : List.of("Accept", LoveandpaySigningFilter.API_KEY_HEADER,
				LoveandpaySigningFilter.TIMESTAMP_HEADER, LoveandpaySigningFilter.SIGNATURE_HEADER)) {
			assertThat(request.header(name).values()).as(name).hasSize(1);
		}
		assertThat(request.getHeader("Accept")).isEqualTo(accept);
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor-netty", "jdk" })
	void getAndCreateAreSignedAndAskForJson(String connector) {
		List<LoggedRequest> requests = getAndCreate(service(connector, Map.of("x-application", "shop")));
		for (LoggedRequest request : requests) {
			assertOwnHeadersOnce(request, "application/json");
			assertThat(request.getHeader("x-application")).isEqualTo("shop");
		}
		assertThat(requests.get(1).getHeader("Content-Type")).startsWith("application/json");
		assertThat(requests.get(1).getHeader("Content-Length"))
			.isEqualTo(Integer.toString(requests.get(1).getBody().length));
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor-netty", "jdk" })
	void defaultSignatureHeadersAreReplacedAndADefaultAcceptIsKept(String connector) {
		List<LoggedRequest> requests = getAndCreate(service(connector,
				Map.of("Accept", "application/vnd.shop+json", LoveandpaySigningFilter.TIMESTAMP_HEADER, "0",
						LoveandpaySigningFilter.SIGNATURE_HEADER, "forged", LoveandpaySigningFilter.API_KEY_HEADER,
						"pk_test_other")));
		for (LoggedRequest request : requests) {
			assertOwnHeadersOnce(request, "application/vnd.shop+json");
		}
	}

}
