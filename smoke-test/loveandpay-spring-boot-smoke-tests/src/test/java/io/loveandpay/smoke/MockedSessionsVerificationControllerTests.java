package io.loveandpay.smoke;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The README's controller against a mock that replaces the auto-configured
 * {@link BlockingKycSessionService} bean, with no server: MockMvc calls the controller,
 * and nothing reaches the stand-in, whose keys the application only starts with.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@AutoConfigureMockMvc
class MockedSessionsVerificationControllerTests extends StandInApplicationTests {

	@MockitoBean(enforceOverride = true)
	BlockingKycSessionService kycSessions;

	@Autowired
	MockMvcTester mvc;

	@Test
	void startVerificationRedirectsToTheMocksVerificationPage() {
		KycSession session = session(KycStatus.NOT_STARTED);
		given(this.kycSessions.createSession(any(CreateKycSessionRequest.class))).willReturn(session);
		assertThat(this.mvc.post().uri("/customers/{customerId}/verification", "mocked-customer"))
			.hasStatus(HttpStatus.SEE_OTHER)
			.hasHeader("Location", session.verificationUrl().toString());
		then(this.kycSessions).should()
			.createSession(argThat((request) -> "mocked-customer".equals(request.customerId())));
		assertThat(this.standIn.journal().requests()).isEmpty();
	}

	@Test
	void verificationStatusIsTheMocksStatusAndUnknownIsNotFound() {
		KycSession session = session(KycStatus.APPROVED);
		given(this.kycSessions.findSession(any(UUID.class))).willReturn(Optional.empty());
		given(this.kycSessions.findSession(session.id())).willReturn(Optional.of(session));
		assertThat(this.mvc.get().uri("/verifications/{id}", session.id())).hasStatusOk()
			.hasBodyTextEqualTo("APPROVED");
		assertThat(this.mvc.get().uri("/verifications/{id}", UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
	}

	private static KycSession session(KycStatus status) {
		UUID id = UUID.randomUUID();
		return new KycSession(id, null, null, "mocked-customer", null, null, status,
				URI.create("https://kyc.example.test/verify/" + id), null, null, Instant.now());
	}

}
