package io.loveandpay.smoke.webflux;

import java.time.Duration;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LoveandpayStandIn;
import io.loveandpay.testsupport.StandInProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's WebFlux application with Actuator and the starter, against the stand-in
 * that checks every signature: health, metrics and what Actuator shows of the keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebfluxNewcomerApplicationTests {

	static final LoveandpayStandIn standIn = LoveandpayStandIn.shared();

	@LocalServerPort
	int port;

	@Autowired
	KycSessionService kycSessions;

	WebTestClient http;

	@DynamicPropertySource
	static void loveandpay(DynamicPropertyRegistry registry) {
		StandInProperties.register(registry);
	}

	@BeforeEach
	void client() {
		this.http = client(this.port);
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		String body = response.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).isNotNull();
		assertThat(Leaks.findIn(body)).isEmpty();
		assertThat(body).doesNotContain(LoveandpayStandIn.API_KEY);
		return body;
	}

	@Test
	void healthShowsLoveandpayUp() {
		JsonNode health = JsonMapper.builder()
			.build()
			.readTree(body(this.http.get().uri("/actuator/health").exchange().expectStatus().isOk()));
		assertThat(health.at("/components/loveandpay/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/loveandpay/details/mode").asString()).isEqualTo("test");
		String component = body(this.http.get().uri("/actuator/health/loveandpay").exchange().expectStatus().isOk());
		assertThat(component).contains("\"status\":\"UP\"").contains("\"baseUrl\":\"" + standIn.baseUrl() + "\"");
	}

	@Test
	void healthShowsLoveandpayDownWithTheReasonWhenTheSecretIsWrong() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WebfluxNewcomerApplication.class)
			.web(WebApplicationType.REACTIVE)
			.run("--server.port=0", "--loveandpay.api-key=" + LoveandpayStandIn.API_KEY,
					"--loveandpay.secret-key=sk_test_wrong_canary_77", "--loveandpay.base-url=" + standIn.baseUrl(),
					"--spring.main.banner-mode=off")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String body = body(
					client(port).get().uri("/actuator/health/loveandpay").exchange().expectStatus().isEqualTo(503));
			assertThat(body).contains("\"status\":\"DOWN\"")
				.contains("\"error.code\":\"INVALID_SIGNATURE\"")
				.contains("loveandpay.secret-key");
		}
	}

	@Test
	void metricsShowTheRequestsTimerWithItsOperationTag() {
		for (int i = 0; i < 3; i++) {
			this.http.post().uri("/customers/c-" + i + "/verification").exchange().expectStatus().isEqualTo(303);
		}
		String body = body(
				this.http.get().uri("/actuator/metrics/loveandpay.client.requests").exchange().expectStatus().isOk());
		assertThat(body).contains("\"tag\":\"operation\"").contains("kyc.sessions.create");
		String created = body(this.http.get()
			.uri("/actuator/metrics/loveandpay.client.requests?tag=operation:kyc.sessions.create&tag=outcome:SUCCESS")
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(created).contains("\"statistic\":\"COUNT\",\"value\":3");
	}

	@Test
	void bootsHttpClientMetricsTagRequestsWithTheUriTemplateNotTheSessionId() {
		KycSession created = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("c-metrics").build())
			.block(Duration.ofSeconds(15));
		assertThat(created).isNotNull();
		KycSession read = this.kycSessions.getSession(created.id()).block(Duration.ofSeconds(15));
		assertThat(read).isNotNull();
		String templated = body(this.http.get()
			.uri("/actuator/metrics/http.client.requests?tag={uri}", "uri:/api/v2/kyc/sessions/{id}")
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(templated).contains("\"statistic\":\"COUNT\"");
		this.http.get()
			.uri("/actuator/metrics/http.client.requests?tag={uri}", "uri:/api/v2/kyc/sessions/" + created.id())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void envAndConfigpropsShowingValuesNeverShowTheSecret() {
		String env = body(this.http.get().uri("/actuator/env").exchange().expectStatus().isOk());
		assertThat(env).contains("loveandpay.secret-key").doesNotContain(LoveandpayStandIn.SECRET_KEY);
		String configprops = body(this.http.get().uri("/actuator/configprops").exchange().expectStatus().isOk());
		assertThat(configprops).contains("\"secretKey\":\"******\"").contains("pk_test_******");
	}

}
