package io.loveandpay.smoke;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring MVC controller, injecting the {@code BlockingKycSessionService}
 * bean, over HTTP against the stand-in that checks every signature, which serves the
 * verification page the controller redirects to.
 */
class VerificationControllerTests extends StandInApplicationTests {

	@Autowired
	RestTestClient http;

	VerificationFlow flow;

	@BeforeEach
	void flow() {
		this.flow = new VerificationFlow(this.http, this.standIn);
	}

	@Test
	void startVerificationRedirectsToTheVerificationPageTheProviderAnswered() {
		UUID id = this.flow.start(VerificationFlow.newCustomerId());
		assertThat(id).isNotNull();
	}

	@Test
	void verificationStatusOfAStartedVerificationIsNotStarted() {
		UUID id = this.flow.start(VerificationFlow.newCustomerId());
		assertThat(this.flow.status(id)).isEqualTo("NOT_STARTED");
	}

	@Test
	void verificationStatusOfAnUnknownIdIsNotFound() {
		this.flow.expectNotFound(UUID.randomUUID());
	}

	@Test
	void requestsTheControllerMakesReachTheStandInSignedWithTheAccountsKeys() {
		String customerId = VerificationFlow.newCustomerId();
		UUID id = this.flow.start(customerId);
		this.flow.status(id);
		this.flow.status(id);
		this.flow.assertSigned(customerId, id, 2);
		assertThat(this.standIn.secretKey()).as("a secret the leak scan looks for").contains("canary");
	}

	@Test
	void theRedirectLeadsToTheStandInsVerificationPageAndOpeningItStartsTheVerification() {
		UUID id = this.flow.start(VerificationFlow.newCustomerId());
		this.http.get()
			.uri(this.flow.verificationUrl(id))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains(id.toString()));
		assertThat(this.flow.status(id)).isEqualTo("IN_PROGRESS");
	}

}
