package io.loveandpay.smoke;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayInvalidRequestException;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionPage;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.kyc.KycStatus;
import io.loveandpay.test.standin.RecordedRequest;
import io.loveandpay.test.standin.SignatureVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A newcomer's application that depends on the starter alone, run against a stand-in that
 * checks every signature as the provider does. Answers the stand-in cannot give (a
 * truncated body, an HTML error page) are in {@link MalformedAnswerTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class NewcomerApplicationTests extends StandInApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	KycSessionService sessions;

	@Autowired
	CustomerVerification verification;

	@Autowired
	Onboarding onboarding;

	@Test
	void readmesFirstCallStartsAVerificationOnTheStandIn() {
		URI verificationUrl = this.onboarding.startVerification("newcomer-0");
		UUID id = UUID.fromString(verificationUrl.getPath().substring("/verify/".length()));
		assertThat(this.sessions.blocking().getSession(id).customerId()).isEqualTo("newcomer-0");
	}

	@Test
	void createsGetsListsAndStreamsReactively() {
		URI verificationUrl = this.verification.start("newcomer-1", "newcomer@example.com").block(WAIT);
		UUID id = UUID.fromString(verificationUrl.getPath().substring("/verify/".length()));
		assertThat(verificationUrl).isEqualTo(URI.create(this.standIn.clientBaseUrl() + "/verify/" + id));
		assertThat(this.standIn.sessions().find(id))
			.hasValueSatisfying((session) -> assertThat(session.customerEmail()).isEqualTo("newcomer@example.com"));
		StepVerifier.create(this.sessions.getSession(id)).assertNext((session) -> {
			assertThat(session.customerId()).isEqualTo("newcomer-1");
			assertThat(session.status()).isEqualTo(KycStatus.NOT_STARTED);
		}).expectComplete().verify(WAIT);
		StepVerifier.create(this.sessions.listSessions(KycSessionQuery.builder().limit(100).build()))
			.assertNext((page) -> assertThat(page.items()).extracting(KycSession::id).contains(id))
			.expectComplete()
			.verify(WAIT);
		List<UUID> streamed = this.sessions.streamSessions(KycSessionQuery.builder().limit(1).build())
			.map(KycSession::id)
			.collectList()
			.block(WAIT);
		assertThat(streamed).contains(id).doesNotHaveDuplicates();
	}

	@Test
	void createsGetsListsAndStreamsBlocking() {
		BlockingKycSessionService blocking = this.sessions.blocking();
		KycSession first = this.verification.startBlocking("newcomer-2", "second@example.com");
		KycSession second = blocking.createSession(CreateKycSessionRequest.builder().customerId("newcomer-3").build());
		assertThat(blocking.getSession(first.id()).customerEmail()).isEqualTo("second@example.com");
		assertThat(blocking.findSession(UUID.randomUUID())).isEmpty();
		KycSessionPage page = blocking.listSessions(KycSessionQuery.builder().limit(1).build());
		assertThat(page.items()).hasSize(1);
		assertThat(page.hasNext()).isTrue();
		try (Stream<KycSession> all = blocking.streamSessions(KycSessionQuery.builder().limit(2).build())) {
			assertThat(all.map(KycSession::id).toList()).contains(first.id(), second.id()).doesNotHaveDuplicates();
		}
	}

	@Test
	void unknownSessionIsNotFound() {
		assertThatExceptionOfType(LoveandpayNotFoundException.class)
			.isThrownBy(() -> this.sessions.blocking().getSession(UUID.randomUUID()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.errorCode()).isEqualTo("NOT_FOUND");
				assertThat(ex.requestId()).startsWith("req_");
				assertThat(this.standIn.journal().requests((request) -> request.status() == 404))
					.extracting(RecordedRequest::requestId)
					.containsExactly(ex.requestId());
			});
	}

	@Test
	void rejectedCreateIsAnInvalidRequestWithTheFlatShapesHint() {
		this.standIn.faults().onCreate().failNextFlat(1, 400, "NO_TERMINAL");
		assertThatExceptionOfType(LoveandpayInvalidRequestException.class)
			.isThrownBy(() -> this.sessions.blocking()
				.createSession(CreateKycSessionRequest.builder().customerId("no-terminal").build()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.errorCode()).isEqualTo("NO_TERMINAL");
				assertThat(ex.hint()).isEqualTo("Scripted by the loveandpay stand-in");
			});
		assertThat(this.standIn.journal().requests("POST", VerificationFlow.SESSIONS)).singleElement()
			.extracting(RecordedRequest::status)
			.isEqualTo(400);
		assertThat(this.standIn.sessions().all()).isEmpty();
	}

	@Test
	void wrongSecretIsRefusedByTheStandInAsInvalidSignature(CapturedOutput output) {
		String wrongSecret = "sk_test_wrong_canary_0000";
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewcomerApplication.class)
			.web(WebApplicationType.NONE)
			.run("--loveandpay.api-key=" + this.standIn.apiKey(), "--loveandpay.secret-key=" + wrongSecret,
					"--loveandpay.base-url=" + this.standIn.clientBaseUrl(), "--spring.main.banner-mode=off")) {
			assertThatExceptionOfType(LoveandpayAuthenticationException.class)
				.isThrownBy(() -> app.getBean(KycSessionService.class).blocking().listSessions(KycSessionQuery.all()))
				.satisfies((ex) -> {
					assertThat(ex.errorCode()).isEqualTo("INVALID_SIGNATURE");
					assertThat(ex.getMessage()).doesNotContain(wrongSecret);
				});
		}
		assertThat(this.standIn.journal().requests("GET", VerificationFlow.SESSIONS)).isNotEmpty()
			.allSatisfy((request) -> {
				assertThat(request.signature()).isEqualTo(SignatureVerdict.INVALID);
				assertThat(request.status()).isEqualTo(401);
			});
		assertThat(output).doesNotContain("canary");
	}

}
