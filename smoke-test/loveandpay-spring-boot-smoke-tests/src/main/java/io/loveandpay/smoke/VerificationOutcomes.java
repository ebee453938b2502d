package io.loveandpay.smoke;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.loveandpay.kyc.KycWebhookEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The README's webhook listener, as a newcomer writes it: it remembers which customers
 * completed or failed their verification.
 */
@Component
class VerificationOutcomes {

	private final Set<String> verified = ConcurrentHashMap.newKeySet();

	private final Set<String> failed = ConcurrentHashMap.newKeySet();

	@EventListener
	void on(KycWebhookEvent event) {
		String customerId = event.session().customerId();
		if (customerId == null) {
			return;
		}
		if (event.isCompleted()) {
			this.verified.add(customerId);
		}
		else if (event.isFailed()) {
			this.failed.add(customerId);
		}
	}

	boolean isVerified(String customerId) {
		return this.verified.contains(customerId);
	}

	boolean hasFailed(String customerId) {
		return this.failed.contains(customerId);
	}

}
