package io.loveandpay.smoke;

import java.time.Duration;
import java.util.UUID;

import io.loveandpay.client.LoveandpayApiError;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The README's "Handling errors" advice: each of the client's failures becomes the
 * application's own answer, a problem detail without the provider's words.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@AutoConfigureMockMvc
class VerificationErrorsTests extends StandInApplicationTests {

	@MockitoBean(enforceOverride = true)
	BlockingKycSessionService kycSessions;

	@Autowired
	MockMvcTester mvc;

	@Test
	void refusedCredentialsAreABadGatewayNeverAnUnauthorized() {
		LoveandpayApiError error = new LoveandpayApiError(401, "INVALID_SIGNATURE", "Signature mismatch", null,
				"req_7f3a9c2e");
		assertThat(start(new LoveandpayAuthenticationException("kyc.sessions.create", error)))
			.hasStatus(HttpStatus.BAD_GATEWAY)
			.bodyJson()
			.hasPathSatisfying("$.providerRequestId", (id) -> id.assertThat().isEqualTo("req_7f3a9c2e"))
			.doesNotHavePath("$.INVALID_SIGNATURE");
	}

	@Test
	void aProviderNotFoundOutsideFindSessionIsABadGateway() {
		LoveandpayApiError error = new LoveandpayApiError(404, null, "Not found", null, null);
		assertThat(start(new LoveandpayNotFoundException("kyc.sessions.create", error)))
			.hasStatus(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void rateLimitedIsServiceUnavailableWithTheProvidersRetryAfter() {
		LoveandpayApiError error = new LoveandpayApiError(429, "RATE_LIMIT_EXCEEDED", null, null, null);
		assertThat(start(new LoveandpayRateLimitException("kyc.sessions.create", error, Duration.ofSeconds(30))))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "30");
	}

	@Test
	void outcomeUnknownIsABadGatewaySayingTheVerificationMayHaveStarted() {
		assertThat(start(new LoveandpayOutcomeUnknownException("kyc.sessions.create", "no answer", null)))
			.hasStatus(HttpStatus.BAD_GATEWAY)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("may have started");
	}

	@Test
	void timeoutIsAGatewayTimeout() {
		assertThat(start(new LoveandpayTimeoutException("kyc.sessions.create", "too slow", null)))
			.hasStatus(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void verificationStatusOfAnUnknownSessionStaysNotFound() {
		given(this.kycSessions.findSession(any(UUID.class))).willReturn(java.util.Optional.empty());
		assertThat(this.mvc.get().uri("/verifications/{id}", UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
	}

	private MvcTestResult start(LoveandpayException failure) {
		given(this.kycSessions.createSession(any(CreateKycSessionRequest.class))).willThrow(failure);
		return this.mvc.post().uri("/customers/{customerId}/verification", "customer-1").exchange();
	}

}
