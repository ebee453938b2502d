package io.loveandpay.test.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedRequest;
import io.loveandpay.test.standin.RecordedWebhook;
import io.loveandpay.test.standin.SignatureVerdict;
import io.loveandpay.test.standin.StandInSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A user's test of their application against the stand-in, as the README shows it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loveandpay.retry.initial-backoff=10ms")
@AutoConfigureLoveandpayStandIn
class OnboardingTests {

	@Autowired
	BlockingKycSessionService kycSessions;

	@Autowired
	LoveandpayStandIn standIn;

	@Autowired
	VerificationOutcomes outcomes;

	@Test
	void approvedVerificationArrivesAsSignedWebhook() {
		KycSession session = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("customer-1").build());
		this.standIn.sessions().approve(session.id());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.outcomes.completed()).contains(session.id().toString()));
		assertThat(this.standIn.journal().awaitWebhooks(1, Duration.ofSeconds(10))).singleElement()
			.satisfies((webhook) -> assertThat(webhook.type()).isEqualTo("kyc.completed"))
			.satisfies((webhook) -> assertThat(webhook.status()).isEqualTo(200));
	}

	@Test
	void readIsRetriedAfter503AndCreateIsNot() {
		KycSession session = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("customer-2").build());
		this.standIn.faults().onGet().failNext(1, 503);
		assertThat(this.kycSessions.getSession(session.id()).id()).isEqualTo(session.id());
		assertThat(this.standIn.journal().requests("GET", "/api/v2/kyc/sessions/" + session.id()))
			.extracting(RecordedRequest::status)
			.containsExactly(503, 200);
		this.standIn.faults().onCreate().failNext(1, 503);
		assertThatExceptionOfType(LoveandpayServerException.class).isThrownBy(() -> this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("customer-3").build()));
		assertThat(this.standIn.journal().requests("POST", "/api/v2/kyc/sessions")).hasSize(2)
			.last()
			.extracting(RecordedRequest::status)
			.isEqualTo(503);
	}

	@Test
	void createWhoseAnswerIsLostReturnsTheSessionThatExists() {
		this.standIn.faults().onCreate().loseAnswerAfterCreating();
		KycSession session = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("customer-4").build());
		assertThat(this.standIn.sessions().all()).singleElement()
			.satisfies((created) -> assertThat(created.customerId()).isEqualTo("customer-4"))
			.satisfies((created) -> assertThat(session.id()).isEqualTo(created.id()));
		assertThat(this.standIn.journal().requests()).extracting(RecordedRequest::method)
			.containsExactly("POST", "GET", "GET");
	}

	@Test
	void createWithoutCustomerIdWhoseAnswerIsLostIsOutcomeUnknownWhileTheSessionExists() {
		this.standIn.faults().onCreate().loseAnswerAfterCreating();
		assertThatExceptionOfType(LoveandpayOutcomeUnknownException.class).isThrownBy(() -> this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerEmail("client@example.com").build()));
		assertThat(this.standIn.sessions().all()).singleElement()
			.extracting(StandInSession::customerEmail)
			.isEqualTo("client@example.com");
	}

	@Test
	void requestWithWrongSignatureIsRefusedAsTheProviderWould() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.standIn.baseUrl() + "/kyc/sessions"))
				.header("x-api-key", this.standIn.apiKey())
				.header("x-timestamp", Long.toString(System.currentTimeMillis()))
				.header("x-signature", "0".repeat(64))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("INVALID_SIGNATURE");
		assertThat(this.standIn.journal().requests()).singleElement()
			.extracting(RecordedRequest::signature)
			.isEqualTo(SignatureVerdict.INVALID);
	}

	@Test
	void webhooksGoToTheApplicationsOwnEndpoint() {
		KycSession session = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId("customer-5").build());
		this.standIn.sessions().approve(session.id());
		RecordedWebhook webhook = this.standIn.journal().awaitWebhooks(1, Duration.ofSeconds(10)).get(0);
		assertThat(webhook.target().getHost()).isEqualTo("127.0.0.1");
		assertThat(webhook.target().getPath()).isEqualTo("/loveandpay/webhooks");
		assertThat(webhook.delivered()).isTrue();
	}

}
