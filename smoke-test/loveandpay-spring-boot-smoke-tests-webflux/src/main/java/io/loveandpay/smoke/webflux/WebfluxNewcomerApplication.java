package io.loveandpay.smoke.webflux;

import java.net.URI;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A newcomer's WebFlux application with Actuator: one endpoint that starts a customer's
 * verification and redirects to the provider's page.
 */
@SpringBootApplication
@RestController
public class WebfluxNewcomerApplication {

	private final KycSessionService kycSessions;

	public WebfluxNewcomerApplication(KycSessionService kycSessions) {
		this.kycSessions = kycSessions;
	}

	@PostMapping("/customers/{customerId}/verification")
	Mono<ResponseEntity<Void>> startVerification(@PathVariable String customerId) {
		return this.kycSessions.createSession(CreateKycSessionRequest.builder().customerId(customerId).build())
			.map(KycSession::verificationUrl)
			.map((URI url) -> ResponseEntity.status(303).location(url).build());
	}

	public static void main(String[] args) {
		SpringApplication.run(WebfluxNewcomerApplication.class, args);
	}

}
