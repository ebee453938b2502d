package io.loveandpay.smoke.webflux;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.kyc.KycStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * A newcomer's WebFlux endpoint against a mock that replaces the auto-configured
 * {@link KycSessionService} bean, with no server and no keys at all: the test client
 * calls the application context directly, and the client is never made.
 */
@SpringBootTest
class MockedSessionsWebfluxApplicationTests {

	@MockitoBean(enforceOverride = true)
	KycSessionService kycSessions;

	@Autowired
	ApplicationContext context;

	@Test
	void startVerificationRedirectsToTheMocksVerificationPage() {
		UUID id = UUID.randomUUID();
		URI verificationUrl = URI.create("https://kyc.example.test/verify/" + id);
		KycSession session = new KycSession(id, null, null, "mocked-customer", null, null, KycStatus.NOT_STARTED,
				verificationUrl, null, null, Instant.now());
		given(this.kycSessions.createSession(any(CreateKycSessionRequest.class))).willReturn(Mono.just(session));
		WebTestClient.bindToApplicationContext(this.context)
			.build()
			.post()
			.uri("/customers/{customerId}/verification", "mocked-customer")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SEE_OTHER)
			.expectHeader()
			.location(verificationUrl.toString());
		then(this.kycSessions).should()
			.createSession(argThat((request) -> "mocked-customer".equals(request.customerId())));
		assertThat(((ConfigurableApplicationContext) this.context).getBeanFactory()
			.containsSingleton("loveandpayApiClient")).as("the client, never made").isFalse();
	}

}
