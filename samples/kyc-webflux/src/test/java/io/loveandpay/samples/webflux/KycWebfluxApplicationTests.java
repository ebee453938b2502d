package io.loveandpay.samples.webflux;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedWebhook;
import io.loveandpay.test.standin.StandInSession;
import io.loveandpay.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole sample over real HTTP on loopback, on the in-app stand-in that
 * {@code application.yml} turns on: start, verify on the stand-in's hosted page, the
 * signed webhook comes back, and the application's own state shows the outcome.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KycWebfluxApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	LoveandpayStandIn standIn;

	private SampleHttp http;

	@BeforeEach
	void browser() {
		this.http = new SampleHttp(this.port, this.standIn);
	}

	@Test
	void startPageShowsThatTheApplicationRunsOnTheStandIn() {
		assertThat(this.http.page("/")).contains("id=\"stand-in-banner\"", "not to loveandpay", "name=\"customerId\"");
	}

	@Test
	void approvedVerificationShowsApprovedOnTheStatusPage() {
		URI verificationUrl = this.http.startVerification("customer-approved");
		URI statusPage = this.http.press(verificationUrl, "approve");
		assertThat(statusPage.toString()).startsWith("http://127.0.0.1:" + this.port + "/sessions/");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.http.page(statusPage)).contains("data-status=\"APPROVED\""));
		String page = this.http.page(statusPage);
		assertThat(page).doesNotContain("id=\"reason-code\">document_expired").doesNotContain("EventSource");
		assertThat(Fixtures.PERSONAL_DATA).noneMatch(page::contains);
		assertThat(page).doesNotContain(verifiedData(statusPage));
	}

	@Test
	void rejectedVerificationShowsTheFailureAndItsReasonCode() {
		URI statusPage = this.http.press(this.http.startVerification("customer-rejected"), "reject");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.http.page(statusPage)).contains("data-status=\"REJECTED\""));
		assertThat(this.http.page(statusPage)).contains("<code id=\"reason-code\">document_expired</code>");
		this.http.client()
			.get()
			.uri("/api/verifications/{id}", id(statusPage))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED")
			.jsonPath("$.reason")
			.isEqualTo("document_expired");
	}

	@Test
	void openStatusStreamReceivesTheOutcomeWhenTheWebhookArrives() {
		this.standIn.webhooks().deliverOutOfOrder(true);
		URI statusPage = this.http.press(this.http.startVerification("customer-watching"), "approve");
		Flux<String> statuses = this.http.client()
			.get()
			.uri("/sessions/{id}/events", id(statusPage))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Verification>>() {
			})
			.getResponseBody()
			.map((event) -> event.data().status());
		StepVerifier.create(statuses)
			.expectNext("NOT_STARTED")
			.then(() -> assertThat(this.standIn.journal().webhooks()).isEmpty())
			.then(() -> this.standIn.webhooks().deliverOutOfOrder(false))
			.expectNext("APPROVED")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void statusOpenedAfterTheWebhookArrivedShowsTheOutcomeAtOnce() {
		URI statusPage = this.http.press(this.http.startVerification("customer-late"), "approve");
		List<RecordedWebhook> webhooks = this.standIn.journal().awaitWebhooks(RecordedWebhook::delivered, 1, TIMEOUT);
		assertThat(webhooks).singleElement().extracting(RecordedWebhook::type).isEqualTo("kyc.completed");
		assertThat(this.http.page(statusPage)).contains("data-status=\"APPROVED\"");
		StepVerifier.create(this.http.client()
			.get()
			.uri("/sessions/{id}/events", id(statusPage))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Verification>>() {
			})
			.getResponseBody()
			.map((event) -> event.data().status())).expectNext("APPROVED").expectComplete().verify(TIMEOUT);
	}

	@Test
	void apiStartsAVerificationWhoseCallbackIsItsStatusPage() {
		Verification verification = this.http.client()
			.post()
			.uri("/api/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customerId\":\"customer-api\",\"email\":\"customer-api@example.test\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).startsWith("/api/verifications/"))
			.expectBody(Verification.class)
			.returnResult()
			.getResponseBody();
		assertThat(verification).isNotNull();
		assertThat(verification.status()).isEqualTo("NOT_STARTED");
		assertThat(verification.verificationUrl())
			.hasToString(this.standIn.clientBaseUrl() + "/verify/" + this.standIn.sessions().all().get(0).id());
		StandInSession session = this.standIn.sessions().all().get(0);
		assertThat(session.customerId()).isEqualTo("customer-api");
		assertThat(session.customerEmail()).isEqualTo("customer-api@example.test");
		assertThat(session.callbackUrl())
			.hasToString("http://127.0.0.1:" + this.port + "/sessions/" + verification.id());
		this.http.client()
			.get()
			.uri("/api/verifications/{id}", verification.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("NOT_STARTED");
	}

	@Test
	void unknownVerificationIsNotFound() {
		this.http.client().get().uri("/api/verifications/no-such-id").exchange().expectStatus().isNotFound();
		this.http.client().get().uri("/sessions/no-such-id").exchange().expectStatus().isNotFound();
		this.http.client().get().uri("/sessions/no-such-id/events").exchange().expectStatus().isNotFound();
	}

	@Test
	void startWithoutCustomerIdIsRefusedBeforeAnythingIsSent() {
		this.http.client()
			.post()
			.uri("/api/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customerId\":\" \"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("customerId must not be empty");
		this.http.client()
			.post()
			.uri("/verifications")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("customerId", "customer-typo").with("email", "not an address"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("id=\"error\"").contains("value=\"customer-typo\""));
		assertThat(this.standIn.journal().requests("POST", "/api/v2/kyc/sessions")).isEmpty();
	}

	@Test
	void actuatorShowsTheLoveandpayHealthContributorAndMetrics() {
		this.http.client()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.loveandpay.status")
			.isEqualTo("UP")
			.jsonPath("$.components.loveandpay.details.mode")
			.isEqualTo("test");
		this.http.client().get().uri("/actuator/metrics/loveandpay.client.requests").exchange().expectStatus().isOk();
		this.http.client().get().uri("/actuator/info").exchange().expectStatus().isOk();
		this.http.client().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
	}

	private String verifiedData(URI statusPage) {
		return this.standIn.journal()
			.webhooks()
			.stream()
			.filter(RecordedWebhook::delivered)
			.map(RecordedWebhook::body)
			.filter((body) -> body.contains("verifiedData"))
			.findFirst()
			.map((body) -> body.replaceAll("(?s).*\"firstName\":\"([^\"]+)\".*", "$1"))
			.orElseThrow(() -> new AssertionError("no approved webhook for " + statusPage));
	}

	private static String id(URI statusPage) {
		String path = statusPage.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
