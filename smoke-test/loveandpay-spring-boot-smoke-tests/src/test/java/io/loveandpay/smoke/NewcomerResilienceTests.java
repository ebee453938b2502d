package io.loveandpay.smoke;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.test.standin.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a newcomer's application sees of the client's retries and timeouts, with the
 * default settings, against the signature-checking stand-in and its scripted faults.
 */
class NewcomerResilienceTests extends StandInApplicationTests {

	@Autowired
	KycSessionService sessions;

	private List<Integer> gets(UUID id) {
		return this.standIn.journal()
			.requests("GET", VerificationFlow.SESSIONS + "/" + id)
			.stream()
			.map(RecordedRequest::status)
			.toList();
	}

	@Test
	void getMeetingTwo503sSucceedsOnTheThirdRequest() {
		KycSession created = this.sessions.blocking().createSession(CreateKycSessionRequest.builder().build());
		this.standIn.faults().onSession(created.id()).failNext(2, 503);
		assertThat(this.sessions.blocking().getSession(created.id()).id()).isEqualTo(created.id());
		assertThat(gets(created.id())).containsExactly(503, 503, 200);
	}

	@Test
	void getMeeting429WithRetryAfterOneSecondSucceedsAfterWaitingOnTheSecondRequest() {
		KycSession created = this.sessions.blocking().createSession(CreateKycSessionRequest.builder().build());
		this.standIn.faults().onSession(created.id()).rateLimitNext(1, Duration.ofSeconds(1));
		long start = System.nanoTime();
		assertThat(this.sessions.blocking().getSession(created.id()).id()).isEqualTo(created.id());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(950),
				Duration.ofSeconds(5));
		assertThat(gets(created.id())).containsExactly(429, 200);
	}

	@Test
	void createMeeting500IsAServerErrorAfterExactlyOneRequest() {
		String customerId = "customer-" + UUID.randomUUID();
		this.standIn.faults().onCreate().failNext(1, 500);
		assertThatExceptionOfType(LoveandpayServerException.class)
			.isThrownBy(() -> this.sessions.blocking()
				.createSession(CreateKycSessionRequest.builder().customerId(customerId).build()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INTERNAL_ERROR"));
		assertThat(this.standIn.journal().requests("POST", VerificationFlow.SESSIONS)).singleElement()
			.extracting(RecordedRequest::status)
			.isEqualTo(500);
		assertThat(this.standIn.sessions().all()).isEmpty();
	}

	@Test
	void hungServerGivesATimeoutWellUnderTwentySeconds() {
		UUID id = UUID.randomUUID();
		this.standIn.faults().onSession(id).delayNext(10, Duration.ofSeconds(60));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewcomerApplication.class)
			.web(WebApplicationType.NONE)
			.run("--loveandpay.api-key=" + this.standIn.apiKey(), "--loveandpay.secret-key=" + this.standIn.secretKey(),
					"--loveandpay.base-url=" + this.standIn.clientBaseUrl(), "--loveandpay.response-timeout=2s",
					"--spring.main.banner-mode=off")) {
			long start = System.nanoTime();
			assertThatExceptionOfType(LoveandpayTimeoutException.class)
				.isThrownBy(() -> app.getBean(KycSessionService.class).blocking().getSession(id));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
		assertThat(this.standIn.journal().requests("GET", VerificationFlow.SESSIONS + "/" + id)).isNotEmpty();
	}

}
