package io.loveandpay.smoke;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedRequest;
import io.loveandpay.test.standin.SignatureVerdict;
import io.loveandpay.test.standin.StandInSession;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's verification through the newcomer's HTTP endpoints, checked against what
 * the stand-in received (its journal) and holds (its sessions).
 */
final class VerificationFlow {

	static final String SESSIONS = "/api/v2/kyc/sessions";

	private final RestTestClient http;

	private final LoveandpayStandIn standIn;

	VerificationFlow(RestTestClient http, LoveandpayStandIn standIn) {
		this.http = http;
		this.standIn = standIn;
	}

	static String newCustomerId() {
		return "customer-" + UUID.randomUUID();
	}

	/**
	 * Start the customer's verification, expecting one create on the stand-in and a
	 * redirect to the verification page of the session it created for the customer.
	 * @param customerId the customer
	 * @return the id of the session that the stand-in created
	 */
	UUID start(String customerId) {
		int creates = creates().size();
		URI location = this.http.post()
			.uri("/customers/{customerId}/verification", customerId)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SEE_OTHER)
			.returnResult()
			.getResponseHeaders()
			.getLocation();
		List<RecordedRequest> created = creates();
		assertThat(created).hasSize(creates + 1);
		assertThat(created.get(created.size() - 1).status()).isEqualTo(200);
		List<StandInSession> sessions = this.standIn.sessions()
			.all()
			.stream()
			.filter((session) -> customerId.equals(session.customerId()))
			.toList();
		assertThat(sessions).hasSize(1);
		UUID id = sessions.get(0).id();
		assertThat(location).isEqualTo(verificationUrl(id));
		return id;
	}

	/**
	 * Return the verification page the stand-in answers for a session.
	 * @param id the session
	 * @return its {@code verificationUrl}
	 */
	URI verificationUrl(UUID id) {
		return URI.create("http://127.0.0.1:" + this.standIn.port() + "/verify/" + id);
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
	 * stand-in signed with the keys it accepts: it recomputed each signature from what it
	 * received, found it valid, and answered.
	 * @param customerId the customer
	 * @param id the customer's session
	 * @param reads how many reads of the session to expect
	 */
	void assertSigned(String customerId, UUID id, int reads) {
		assertThat(this.standIn.sessions().find(id))
			.hasValueSatisfying((session) -> assertThat(session.customerId()).isEqualTo(customerId));
		List<RecordedRequest> received = creates();
		assertThat(received).hasSize(1);
		List<RecordedRequest> gets = this.standIn.journal().requests("GET", SESSIONS + "/" + id);
		assertThat(gets).hasSize(reads);
		Stream.concat(received.stream(), gets.stream()).forEach((request) -> {
			assertThat(request.signature()).as("signature of %s %s", request.method(), request.path())
				.isEqualTo(SignatureVerdict.VALID);
			assertThat(request.status()).as("answer to %s %s", request.method(), request.path()).isEqualTo(200);
		});
	}

	private List<RecordedRequest> creates() {
		return this.standIn.journal().requests("POST", SESSIONS);
	}

}
