package io.loveandpay.smoke;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.testsupport.LoveandpayStandIn;
import io.loveandpay.testsupport.SignatureCheck;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's verification through the newcomer's HTTP endpoints, checked against what
 * the shared stand-in received and answered.
 */
final class VerificationFlow {

	private static final String SESSIONS = "/api/v2/kyc/sessions";

	private final RestTestClient http;

	private final LoveandpayStandIn standIn = LoveandpayStandIn.shared();

	VerificationFlow(RestTestClient http) {
		this.http = http;
	}

	static String newCustomerId() {
		return "customer-" + UUID.randomUUID();
	}

	/**
	 * Start the customer's verification, expecting a redirect to the page that the
	 * stand-in answered for the customer's one create.
	 * @param customerId the customer
	 * @return the id of the session that the stand-in created
	 */
	UUID start(String customerId) {
		URI location = this.http.post()
			.uri("/customers/{customerId}/verification", customerId)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SEE_OTHER)
			.returnResult()
			.getResponseHeaders()
			.getLocation();
		List<ServeEvent> creates = this.standIn.server()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(SESSIONS))
			.filter((event) -> event.getRequest().getBodyAsString().contains("\"" + customerId + "\""))
			.toList();
		assertThat(creates).hasSize(1);
		assertThat(location).isNotNull();
		assertThat(creates.get(0).getResponse().getStatus()).isEqualTo(201);
		assertThat(creates.get(0).getResponse().getBodyAsString()).contains("\"verificationUrl\":\"" + location + "\"");
		return UUID.fromString(location.getPath().substring("/verify/".length()));
	}

	String status(UUID id) {
		return this.http.get()
			.uri("/verifications/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	void expectNotFound(UUID id) {
		this.http.get().uri("/verifications/{id}", id).exchange().expectStatus().isNotFound();
	}

	/**
	 * Assert that the customer's create and every read of the session reached the
	 * stand-in signed with the keys it accepts, recomputing each signature from what was
	 * received.
	 * @param customerId the customer
	 * @param id the customer's session
	 * @param reads how many reads of the session to expect
	 */
	void assertSigned(String customerId, UUID id, int reads) {
		List<LoggedRequest> received = this.standIn.server()
			.findAll(postRequestedFor(urlPathEqualTo(SESSIONS)).withRequestBody(containing("\"" + customerId + "\"")));
		assertThat(received).hasSize(1);
		List<LoggedRequest> gets = this.standIn.server().findAll(getRequestedFor(urlPathEqualTo(SESSIONS + "/" + id)));
		assertThat(gets).hasSize(reads);
		Stream.concat(received.stream(), gets.stream())
			.forEach((request) -> SignatureCheck.assertSigned(request, LoveandpayStandIn.API_KEY,
					LoveandpayStandIn.SECRET_KEY));
	}

}
