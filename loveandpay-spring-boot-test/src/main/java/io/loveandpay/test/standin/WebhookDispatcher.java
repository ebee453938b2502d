package io.loveandpay.test.standin;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Sends signed webhooks for completed sessions, redelivering with backoff.
 */
final class WebhookDispatcher {

	private final String secret;

	private final StandInWebhooks webhooks;

	private final StandInJournal journal;

	private final Supplier<Instant> now;

	WebhookDispatcher(String secret, StandInWebhooks webhooks, StandInJournal journal, Supplier<Instant> now) {
		this.secret = secret;
		this.webhooks = webhooks;
		this.journal = journal;
		this.now = now;
	}

	void completed(StandInSession session) {
	}

	void reset() {
	}

}
