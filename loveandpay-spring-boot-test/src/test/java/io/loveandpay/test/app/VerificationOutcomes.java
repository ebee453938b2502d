package io.loveandpay.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.loveandpay.kyc.KycWebhookEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the ids of the sessions whose verification completed, as a user's listener
 * would record them in a database.
 */
@Component
public class VerificationOutcomes {

	private final List<String> completed = new CopyOnWriteArrayList<>();

	@EventListener
	void on(KycWebhookEvent event) {
		if (event.isCompleted()) {
			this.completed.add(event.session().id());
		}
	}

	public List<String> completed() {
		return this.completed;
	}

}
