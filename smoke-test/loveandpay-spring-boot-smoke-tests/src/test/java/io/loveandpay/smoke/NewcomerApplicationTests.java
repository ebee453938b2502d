package io.loveandpay.smoke;

import io.loveandpay.testsupport.LoveandpayStandIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayInvalidRequestException;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionPage;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.kyc.KycStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A newcomer's application that depends on the starter alone, run against a stand-in that
 * checks every signature as the provider does.
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
		assertThat(verificationUrl.toString()).startsWith("https://kyc.loveandpay.io/verify/");
		UUID id = UUID.fromString(verificationUrl.getPath().substring("/verify/".length()));
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
			});
	}

	@Test
	void rejectedCreateIsAnInvalidRequestWithTheFlatShapesHint() {
		assertThatExceptionOfType(LoveandpayInvalidRequestException.class)
			.isThrownBy(() -> this.sessions.blocking()
				.createSession(CreateKycSessionRequest.builder().customerId("no-terminal").build()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.errorCode()).isEqualTo("NO_TERMINAL");
				assertThat(ex.hint()).isEqualTo("Create a terminal in the dashboard");
			});
	}

	@Test
	void truncatedBodyIsAProtocolError() {
		UUID id = UUID.randomUUID();
		standIn.server()
			.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + id)).atPriority(1)
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"success\":true,\"session\":{\"id\":\"" + id + "\",\"sta")));
		assertThatExceptionOfType(LoveandpayProtocolException.class)
			.isThrownBy(() -> this.sessions.blocking().getSession(id));
	}

	@Test
	void htmlBadGatewayIsAServerErrorWithoutTheHtml(CapturedOutput output) {
		UUID id = UUID.randomUUID();
		standIn.server()
			.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + id)).atPriority(1)
				.willReturn(aResponse().withStatus(502)
					.withHeader("Content-Type", "text/html")
					.withBody("<html><head><title>502 Bad Gateway</title></head><body>upstream-proxy</body></html>")));
		assertThatExceptionOfType(LoveandpayServerException.class)
			.isThrownBy(() -> this.sessions.blocking().getSession(id))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("502").doesNotContain("upstream-proxy"));
		assertThat(output).doesNotContain("upstream-proxy");
	}

	@Test
	void wrongSecretIsRefusedByTheStandInAsInvalidSignature(CapturedOutput output) {
		String wrongSecret = "sk_test_wrong_canary_0000";
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewcomerApplication.class)
			.web(WebApplicationType.NONE)
			.run("--loveandpay.api-key=" + LoveandpayStandIn.API_KEY, "--loveandpay.secret-key=" + wrongSecret,
					"--loveandpay.base-url=" + standIn.baseUrl(), "--spring.main.banner-mode=off")) {
			assertThatExceptionOfType(LoveandpayAuthenticationException.class)
				.isThrownBy(() -> app.getBean(KycSessionService.class).blocking().listSessions(KycSessionQuery.all()))
				.satisfies((ex) -> {
					assertThat(ex.errorCode()).isEqualTo("INVALID_SIGNATURE");
					assertThat(ex.getMessage()).doesNotContain(wrongSecret);
				});
		}
		assertThat(output).doesNotContain("canary");
	}

}
