package io.loveandpay.samples.webflux;

import java.util.regex.Pattern;

import io.loveandpay.kyc.KycWebhookEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the outcome of each verification when its signed webhook arrives: the starter
 * has checked the signature and publishes each event once. Only the status and the
 * failure's reason code are kept, never the verified identity data.
 */
@Component
class VerificationOutcomes {

	private static final Log logger = LogFactory.getLog(VerificationOutcomes.class);

	private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9_]{1,64}");

	private final Verifications verifications;

	VerificationOutcomes(Verifications verifications) {
		this.verifications = verifications;
	}

	@EventListener
	void on(KycWebhookEvent event) {
		String status;
		if (event.isCompleted()) {
			status = Verification.APPROVED;
		}
		else if (event.isFailed()) {
			status = Verification.REJECTED;
		}
		else {
			return;
		}
		String reason = event.isFailed() ? reasonCode(event.session().failureReason()) : null;
		if (!this.verifications.finished(event.session().id(), status, reason)) {
			logger.info("Ignored " + event + ": not a session this application started");
		}
	}

	/**
	 * Return the reason as a code to show, never free text, which might quote personal
	 * data.
	 */
	private static String reasonCode(@Nullable String reason) {
		return (reason != null && REASON_CODE.matcher(reason).matches()) ? reason : "unspecified";
	}

}
