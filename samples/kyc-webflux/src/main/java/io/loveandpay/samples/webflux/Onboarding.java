package io.loveandpay.samples.webflux;

import java.net.URI;
import java.util.function.Function;

import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Starts a customer's verification: creates a KYC session whose {@code callbackUrl} is
 * the application's own status page for it, and remembers it.
 */
@Service
class Onboarding {

	private static final Log logger = LogFactory.getLog(Onboarding.class);

	private static final int MAX_CUSTOMER_ID_LENGTH = 64;

	private final KycSessionService kycSessions;

	private final Verifications verifications;

	Onboarding(KycSessionService kycSessions, Verifications verifications) {
		this.kycSessions = kycSessions;
		this.verifications = verifications;
	}

	/**
	 * Start a verification.
	 * @param customerId the customer's id in this application
	 * @param email the customer's e-mail address, if they gave one
	 * @param statusPage the URL of the status page of a verification, by its id
	 * @return the verification, or an {@link IllegalArgumentException} naming the field
	 * for input that cannot be sent
	 */
	Mono<Verification> start(@Nullable String customerId, @Nullable String email, Function<String, URI> statusPage) {
		return Mono.defer(() -> {
			String id = Verifications.newId();
			CreateKycSessionRequest request = CreateKycSessionRequest.builder()
				.customerId(customerId(customerId))
				.customerEmail(StringUtils.hasText(email) ? email.strip() : null)
				.callbackUrl(statusPage.apply(id))
				.build();
			return this.kycSessions.createSession(request)
				.map((session) -> this.verifications.started(id, session))
				.doOnNext((verification) -> logger.info("Verification " + id + " started"));
		});
	}

	/**
	 * Return the URLs of the status pages of the application that received a request, as
	 * the browser addressed it.
	 * @param request the request
	 * @return the URL of the status page of a verification, by its id
	 */
	static Function<String, URI> statusPages(ServerHttpRequest request) {
		UriComponentsBuilder base = UriComponentsBuilder.fromUri(request.getURI())
			.replacePath(request.getPath().contextPath().value())
			.replaceQuery(null)
			.fragment(null);
		return (id) -> base.cloneBuilder().path("/sessions/{id}").buildAndExpand(id).toUri();
	}

	private static String customerId(@Nullable String customerId) {
		if (!StringUtils.hasText(customerId)) {
			throw new IllegalArgumentException("customerId must not be empty");
		}
		String stripped = customerId.strip();
		if (stripped.length() > MAX_CUSTOMER_ID_LENGTH) {
			throw new IllegalArgumentException("customerId must be at most " + MAX_CUSTOMER_ID_LENGTH + " characters");
		}
		return stripped;
	}

}
