package io.loveandpay.smoke.webflux;

import java.time.Duration;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedRequest;
import io.loveandpay.test.standin.SignatureVerdict;
import io.loveandpay.test.testsupport.CanaryKeys;
import io.loveandpay.testsupport.Leaks;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's WebFlux application with Actuator and the starter, against the stand-in
 * that checks every signature: health, metrics and what Actuator shows of the keys. The
 * application keeps keys of its own in its properties, as it would for the provider; the
 * stand-in's connection details win over them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loveandpay.api-key=" + WebfluxNewcomerApplicationTests.APP_API_KEY,
				"loveandpay.secret-key=" + WebfluxNewcomerApplicationTests.APP_SECRET_KEY })
@AutoConfigureLoveandpayStandIn
@Import(CanaryKeys.class)
class WebfluxNewcomerApplicationTests {

	static final String APP_API_KEY = "pk_test_newcomer_7d3c2a1b";

	static final String APP_SECRET_KEY = "sk_test_newcomer_canary_a9b8";

	@LocalServerPort
	int port;

	@Autowired
	KycSessionService kycSessions;

	@Autowired
	LoveandpayStandIn standIn;

	WebTestClient http;

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

	private String body(WebTestClient.ResponseSpec response) {
		String body = response.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).isNotNull();
		assertThat(Leaks.findIn(body)).isEmpty();
		assertThat(body).doesNotContain(this.standIn.apiKey())
			.doesNotContain(APP_API_KEY)
			.doesNotContain(this.standIn.secretKey())
			.doesNotContain(this.standIn.webhookSecret());
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
		assertThat(component).contains("\"status\":\"UP\"")
			.contains("\"baseUrl\":\"" + this.standIn.clientBaseUrl() + "\"");
	}

	@Test
	void healthShowsLoveandpayDownWithTheReasonWhenTheSecretIsWrong() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WebfluxNewcomerApplication.class)
			.web(WebApplicationType.REACTIVE)
			.run("--server.port=0", "--loveandpay.api-key=" + this.standIn.apiKey(),
					"--loveandpay.secret-key=sk_test_wrong_canary_77",
					"--loveandpay.base-url=" + this.standIn.clientBaseUrl(), "--spring.main.banner-mode=off")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String body = body(
					client(port).get().uri("/actuator/health/loveandpay").exchange().expectStatus().isEqualTo(503));
			assertThat(body).contains("\"status\":\"DOWN\"")
				.contains("\"error.code\":\"INVALID_SIGNATURE\"")
				.contains("loveandpay.secret-key");
		}
		assertThat(this.standIn.journal().requests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.signature()).isEqualTo(SignatureVerdict.INVALID))
			.extracting(RecordedRequest::status)
			.containsOnly(401);
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
		assertThat(this.standIn.journal().requests("POST", "/api/v2/kyc/sessions")).hasSize(3)
			.extracting(RecordedRequest::status)
			.containsOnly(200);
		assertThat(this.standIn.sessions().all()).extracting((session) -> session.customerId())
			.containsExactlyInAnyOrder("c-0", "c-1", "c-2");
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
		assertThat(env).contains("loveandpay.secret-key")
			.contains("loveandpay.webhook.secret")
			.doesNotContain(APP_SECRET_KEY);
		String configprops = body(this.http.get().uri("/actuator/configprops").exchange().expectStatus().isOk());
		assertThat(configprops).contains("\"secretKey\":\"******\"").contains("pk_test_******");
	}

}
