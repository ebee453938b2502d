package io.loveandpay.smoke;

import java.net.URI;

import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;

import org.springframework.stereotype.Service;

/**
 * The README's first call, as a newcomer copies it.
 */
@Service
class Onboarding {

	private final BlockingKycSessionService kycSessions;

	Onboarding(BlockingKycSessionService kycSessions) {
		this.kycSessions = kycSessions;
	}

	URI startVerification(String customerId) {
		return this.kycSessions.createSession(CreateKycSessionRequest.builder().customerId(customerId).build())
			.verificationUrl();
	}

}
