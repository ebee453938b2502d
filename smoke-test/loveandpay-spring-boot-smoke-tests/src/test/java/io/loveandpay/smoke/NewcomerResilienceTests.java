package io.loveandpay.smoke;

import io.loveandpay.testsupport.LoveandpayStandIn;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a newcomer's application sees of the client's retries and timeouts, with the
 * default settings, against the signature-checking stand-in.
 */
class NewcomerResilienceTests extends StandInApplicationTests {

	@Autowired
	KycSessionService sessions;

	private static int gets(UUID id) {
		return standIn.server()
			.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/v2/kyc/sessions/" + id)).build())
			.getCount();
	}

	@Test
	void getMeetingTwo503sSucceedsOnTheThirdRequest() {
		KycSession created = this.sessions.blocking().createSession(CreateKycSessionRequest.builder().build());
		String path = "/api/v2/kyc/sessions/" + created.id();
		standIn.server()
			.stubFor(get(path).atPriority(1)
				.inScenario("503")
				.whenScenarioStateIs(STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("once"));
		standIn.server()
			.stubFor(get(path).atPriority(1)
				.inScenario("503")
				.whenScenarioStateIs("once")
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("twice"));
		assertThat(this.sessions.blocking().getSession(created.id()).id()).isEqualTo(created.id());
		assertThat(gets(created.id())).isEqualTo(3);
	}

	@Test
	void getMeeting429WithRetryAfterOneSecondSucceedsAfterWaitingOnTheSecondRequest() {
		KycSession created = this.sessions.blocking().createSession(CreateKycSessionRequest.builder().build());
		standIn.server()
			.stubFor(get("/api/v2/kyc/sessions/" + created.id()).atPriority(1)
				.inScenario("429")
				.whenScenarioStateIs(STARTED)
				.willReturn(aResponse().withStatus(429)
					.withHeader("Retry-After", "1")
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}"))
				.willSetStateTo("waited"));
		long start = System.nanoTime();
		assertThat(this.sessions.blocking().getSession(created.id()).id()).isEqualTo(created.id());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(950),
				Duration.ofSeconds(5));
		assertThat(gets(created.id())).isEqualTo(2);
	}

	@Test
	void createMeeting500IsAServerErrorAfterExactlyOneRequest() {
		String customerId = "customer-" + UUID.randomUUID();
		standIn.server()
			.stubFor(post("/api/v2/kyc/sessions").atPriority(1)
				.withRequestBody(WireMock.containing(customerId))
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					.withBody(
							"{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal error\"}}")));
		assertThatExceptionOfType(LoveandpayServerException.class)
			.isThrownBy(() -> this.sessions.blocking()
				.createSession(CreateKycSessionRequest.builder().customerId(customerId).build()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INTERNAL_ERROR"));
		assertThat(standIn.server()
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/api/v2/kyc/sessions"))
				.withRequestBody(WireMock.containing(customerId))
				.build())
			.getCount()).isEqualTo(1);
	}

	@Test
	void hungServerGivesATimeoutWellUnderTwentySeconds() {
		UUID id = UUID.randomUUID();
		standIn.server()
			.stubFor(get("/api/v2/kyc/sessions/" + id).atPriority(1)
				.willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewcomerApplication.class)
			.web(WebApplicationType.NONE)
			.run("--loveandpay.api-key=" + LoveandpayStandIn.API_KEY,
					"--loveandpay.secret-key=" + LoveandpayStandIn.SECRET_KEY,
					"--loveandpay.base-url=" + standIn.baseUrl(), "--loveandpay.response-timeout=2s",
					"--spring.main.banner-mode=off")) {
			long start = System.nanoTime();
			assertThatExceptionOfType(LoveandpayTimeoutException.class)
				.isThrownBy(() -> app.getBean(KycSessionService.class).blocking().getSession(id));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
	}

}
