package io.loveandpay.samples.webmvc;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycWebhookEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The application's own record of its verifications, fed by the provider's webhooks: the
 * status pages and the API read it, never the provider. Outcomes are kept by the
 * provider's session id, so one that arrives before anybody looks is shown as soon as
 * someone does. A real application keeps this in its database; here it lives in memory.
 */
@Component
class Verifications {

	private static final Log logger = LogFactory.getLog(Verifications.class);

	private final Map<UUID, Started> started = new ConcurrentHashMap<>();

	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

	/**
	 * Remember a verification the provider accepted.
	 * @param id the application's id, the one in the session's {@code callbackUrl}
	 * @param session the provider's session
	 * @return the verification
	 */
	Verification add(UUID id, KycSession session) {
		URI verificationUrl = session.verificationUrl();
		if (verificationUrl == null) {
			throw new IllegalStateException(
					"The provider created session " + session.id() + " without a verificationUrl");
		}
		Started started = new Started(session.id().toString(), session.sessionId(), verificationUrl);
		this.started.put(id, started);
		return view(id, started);
	}

	/**
	 * Return a verification as it stands.
	 * @param id the application's id
	 * @return the verification, or empty when this application never started it
	 */
	Optional<Verification> find(UUID id) {
		return Optional.ofNullable(this.started.get(id)).map((started) -> view(id, started));
	}

	@EventListener
	void on(KycWebhookEvent event) {
		if (!event.isCompleted() && !event.isFailed()) {
			return;
		}
		Outcome outcome = event.isCompleted() ? new Outcome(VerificationStatus.APPROVED, null)
				: new Outcome(VerificationStatus.REJECTED, event.session().failureReason());
		this.outcomes.put(event.session().id(), outcome);
		String sessionId = event.session().sessionId();
		if (sessionId != null) {
			this.outcomes.put(sessionId, outcome);
		}
		logger.info("Verification session " + event.session().id() + " is " + outcome.status());
	}

	private Verification view(UUID id, Started started) {
		Outcome outcome = this.outcomes.get(started.id());
		if (outcome == null && started.sessionId() != null) {
			outcome = this.outcomes.get(started.sessionId());
		}
		return (outcome != null) ? new Verification(id, started.verificationUrl(), outcome.status(), outcome.reason())
				: new Verification(id, started.verificationUrl(), VerificationStatus.PENDING, null);
	}

	/**
	 * A session the provider created for one of this application's verifications.
	 */
	private record Started(String id, @Nullable String sessionId, URI verificationUrl) {

	}

	/**
	 * What a webhook reported.
	 */
	private record Outcome(VerificationStatus status, @Nullable String reason) {

	}

}
