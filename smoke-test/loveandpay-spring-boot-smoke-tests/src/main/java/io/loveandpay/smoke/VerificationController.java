package io.loveandpay.smoke;

import java.util.UUID;

import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A newcomer's Spring MVC controller, as the README shows it: start a customer's
 * verification and send them to the provider's page, and show a verification's status.
 */
@RestController
class VerificationController {

	private final BlockingKycSessionService kycSessions;

	VerificationController(BlockingKycSessionService kycSessions) {
		this.kycSessions = kycSessions;
	}

	@PostMapping("/customers/{customerId}/verification")
	ResponseEntity<Void> startVerification(@PathVariable String customerId) {
		KycSession session = this.kycSessions
			.createSession(CreateKycSessionRequest.builder().customerId(customerId).build());
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(session.verificationUrl()).build();
	}

	@GetMapping("/verifications/{id}")
	ResponseEntity<String> verificationStatus(@PathVariable UUID id) {
		return ResponseEntity.of(this.kycSessions.findSession(id).map((session) -> session.status().value()));
	}

}
