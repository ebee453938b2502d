package io.loveandpay.autoconfigure.webhook;

import org.jspecify.annotations.Nullable;

import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.WebhookOutcome;

/**
 * Records what became of each delivery; a meter when Micrometer is present.
 */
@FunctionalInterface
interface WebhookRecorder {

	/**
	 * Records nothing.
	 */
	WebhookRecorder NONE = (outcome, event, secretIndex) -> {
	};

	/**
	 * Record a delivery.
	 * @param outcome what became of it
	 * @param event the verified event, or {@code null} when it was refused before
	 * @param secretIndex the position of the secret that verified it, or -1
	 */
	void record(WebhookOutcome outcome, @Nullable LoveandpayWebhookEvent event, int secretIndex);

}
