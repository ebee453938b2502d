package io.loveandpay.samples.webmvc;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedWebhook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow over real HTTP, as the application runs with no keys: on the in-app
 * stand-in, whose hosted page approves or rejects and whose signed webhooks come back to
 * the application's own endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = VerificationFlowTests.NO_API_KEY)
class VerificationFlowTests {

	/**
	 * Whatever the environment says, tests run on the in-app stand-in, never against
	 * loveandpay.
	 */
	static final String NO_API_KEY = "loveandpay.api-key=";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	LoveandpayStandIn standIn;

	@Autowired
	ServletWebServerApplicationContext context;

	private PlainBrowser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new PlainBrowser(this.port);
	}

	@Test
	void approvedVerificationIsShownApprovedOnceItsWebhookArrived() {
		URI verificationUrl = this.browser.startVerification("customer-approve");
		assertThat(verificationUrl).hasHost("127.0.0.1").hasPort(this.standIn.port());
		URI statusPage = this.browser.approve(verificationUrl);
		assertThat(statusPage.getPath()).startsWith("/sessions/");
		await().atMost(WAIT).untilAsserted(() -> assertThat(status(statusPage)).isEqualTo("APPROVED"));
		assertThat(this.browser.get(statusPage).body()).contains("data-status=\"APPROVED\"")
			.contains("<p id=\"failure\" class=\"problem\" hidden=\"hidden\">");
		assertThat(this.standIn.journal().webhooks()).filteredOn((webhook) -> webhook.target().getPort() == this.port)
			.filteredOn(RecordedWebhook::delivered)
			.extracting(RecordedWebhook::sessionId)
			.contains(sessionId(verificationUrl));
	}

	@Test
	void rejectedVerificationShowsTheFailureAndItsReason() {
		URI verificationUrl = this.browser.startVerification("customer-reject");
		URI statusPage = this.browser.reject(verificationUrl);
		await().atMost(WAIT).untilAsserted(() -> assertThat(status(statusPage)).isEqualTo("REJECTED"));
		assertThat(this.browser.get(statusPage).body()).contains("data-status=\"REJECTED\"")
			.contains("Verification failed: <code id=\"reason\">document_expired</code>");
		JsonNode verification = verification(statusPage);
		assertThat(verification.get("failureReason").asString()).isEqualTo("document_expired");
	}

	@Test
	void statusPageWaitsForTheWebhookWhileNoneArrived() {
		URI verificationUrl = this.browser.startVerification("customer-waiting");
		URI callbackUrl = this.standIn.sessions().find(sessionId(verificationUrl)).orElseThrow().callbackUrl();
		assertThat(callbackUrl).isNotNull();
		HttpResponse<String> page = this.browser.get(callbackUrl);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-status=\"PENDING\"").contains("setTimeout(poll, 1000)");
	}

	@Test
	void apiStartsAVerificationAndAnswersCreated() {
		HttpResponse<String> created = this.browser.postJson("/api/verifications",
				"{\"customerId\":\"customer-api\",\"email\":\"ivan.petrov@example.com\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.body());
		String id = body.get("id").asString();
		assertThat(PlainBrowser.location(created)).hasPath("/api/verifications/" + id);
		URI verificationUrl = URI.create(body.get("verificationUrl").asString());
		assertThat(this.standIn.sessions().find(sessionId(verificationUrl))).hasValueSatisfying((session) -> {
			assertThat(session.customerId()).isEqualTo("customer-api");
			assertThat(session.callbackUrl()).hasPath("/sessions/" + id);
		});
		HttpResponse<String> read = this.browser.get("/api/verifications/" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(read.body()).get("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void apiRefusesAVerificationWithoutCustomerId() {
		int creates = this.standIn.journal().requests("POST", "/api/v2/kyc/sessions").size();
		HttpResponse<String> refused = this.browser.postJson("/api/verifications", "{\"email\":\"a@example.com\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.standIn.journal().requests("POST", "/api/v2/kyc/sessions")).hasSize(creates);
	}

	@Test
	void unknownVerificationIsNotFound() {
		assertThat(this.browser.get("/api/verifications/2f1e5e9c-6b1a-4c55-9d43-0a7d2b9c1e11").statusCode())
			.isEqualTo(404);
		assertThat(this.browser.get("/sessions/2f1e5e9c-6b1a-4c55-9d43-0a7d2b9c1e11").statusCode()).isEqualTo(404);
	}

	@Test
	void startPageShowsTheStandInBanner() {
		HttpResponse<String> page = this.browser.get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"stand-in-banner\"").contains("not to loveandpay");
	}

	@Test
	void startWithoutCustomerIdShowsTheFormAgainAndCreatesNothing() {
		int creates = this.standIn.journal().requests("POST", "/api/v2/kyc/sessions").size();
		HttpResponse<String> page = this.browser.postForm(this.browser.application("/"),
				Map.of("customerId", " ", "email", ""));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Enter your customer id.");
		assertThat(this.standIn.journal().requests("POST", "/api/v2/kyc/sessions")).hasSize(creates);
	}

	@Test
	void startWhenTheProviderFailsShowsTheFormAgainWithBadGateway() {
		this.standIn.faults().onCreate().failNext(1, 503);
		HttpResponse<String> page = this.browser.postForm(this.browser.application("/"),
				Map.of("customerId", "customer-unlucky"));
		assertThat(page.statusCode()).isEqualTo(502);
		assertThat(page.body()).contains("Identity verification is unavailable; try again later.");
	}

	@Test
	void apiAnswersBadGatewayWhenTheProviderFails() {
		this.standIn.faults().onCreate().failNext(1, 503);
		HttpResponse<String> refused = this.browser.postJson("/api/verifications",
				"{\"customerId\":\"customer-unlucky\"}");
		assertThat(refused.statusCode()).isEqualTo(502);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void requestsRunOnVirtualThreadsWhereTheJdkHasThem() {
		assertThat(((TomcatWebServer) this.context.getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler()
			.getExecutor()
			.getClass()
			.getSimpleName()).isEqualTo("VirtualThreadExecutor");
	}

	@Test
	void actuatorExposesHealthMetricsAndInfo() {
		assertThat(this.browser.get("/actuator/health").body()).contains("\"status\":\"UP\"");
		assertThat(this.browser.get("/actuator/metrics").body()).contains("http.server.requests");
		assertThat(this.browser.get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(this.browser.get("/actuator/env").statusCode()).isEqualTo(404);
	}

	private String status(URI statusPage) {
		return verification(statusPage).get("status").asString();
	}

	private JsonNode verification(URI statusPage) {
		HttpResponse<String> answer = this.browser.get("/api/verifications/" + verificationId(statusPage));
		assertThat(answer.statusCode()).isEqualTo(200);
		return this.json.readTree(answer.body());
	}

	private static String verificationId(URI statusPage) {
		return statusPage.getPath().substring("/sessions/".length());
	}

	private static UUID sessionId(URI verificationUrl) {
		String path = verificationUrl.getPath();
		return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
	}

}
