package io.loveandpay.samples.webmvc;

import java.net.URI;
import java.util.UUID;

import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Starts verifications: the provider's session is created with the customer's id and a
 * {@code callbackUrl} back to this application's status page. The provider names its
 * session only once it is created, so the page is named by an id of the application's
 * own.
 */
@Service
class Onboarding {

	private final BlockingKycSessionService kycSessions;

	private final Verifications verifications;

	Onboarding(BlockingKycSessionService kycSessions, Verifications verifications) {
		this.kycSessions = kycSessions;
		this.verifications = verifications;
	}

	/**
	 * Start a verification.
	 * @param customerId the customer's id in this application
	 * @param email the customer's e-mail address, or {@code null}
	 * @param application this application's base URL, as the customer's browser sees it
	 * @return the verification
	 * @throws IllegalArgumentException if the customer id or e-mail address is not valid
	 */
	Verification start(String customerId, @Nullable String email, UriComponentsBuilder application) {
		UUID id = UUID.randomUUID();
		URI callbackUrl = application.path("/sessions/{id}").buildAndExpand(id).toUri();
		CreateKycSessionRequest request = CreateKycSessionRequest.builder()
			.customerId(customerId)
			.customerEmail(email)
			.callbackUrl(callbackUrl)
			.build();
		KycSession session = this.kycSessions.createSession(request);
		return this.verifications.add(id, session);
	}

}
