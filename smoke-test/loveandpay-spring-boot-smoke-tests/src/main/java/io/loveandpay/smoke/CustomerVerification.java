package io.loveandpay.smoke;

import java.net.URI;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycLanguage;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What a merchant's code does with the starter: start a verification and send the
 * customer to the provider's page.
 */
@Service
public class CustomerVerification {

	private final KycSessionService kycSessions;

	public CustomerVerification(KycSessionService kycSessions) {
		this.kycSessions = kycSessions;
	}

	public Mono<URI> start(String customerId, String email) {
		CreateKycSessionRequest request = CreateKycSessionRequest.builder()
			.customerId(customerId)
			.customerEmail(email)
			.language(KycLanguage.EN)
			.build();
		return this.kycSessions.createSession(request).map(KycSession::verificationUrl);
	}

	public KycSession startBlocking(String customerId, String email) {
		return this.kycSessions.blocking()
			.createSession(CreateKycSessionRequest.builder().customerId(customerId).customerEmail(email).build());
	}

}
