package io.loveandpay.webhook;

import java.time.Duration;

/**
 * Remembers which webhook events were delivered, so that each is delivered once. An event
 * is claimed before its listeners run, completed when they all succeeded, and released
 * when one failed, so that the provider's redelivery is delivered again.
 * <p>
 * Keys are event ids from signed bodies. The default is
 * {@link InMemoryWebhookDeduplicationStore}; a cluster of instances needs one shared
 * store, and defines its own bean of this type.
 *
 * @since 0.1.0
 */
public interface WebhookDeduplicationStore {

	/**
	 * Claim an event for delivery.
	 * @param eventId the event id
	 * @param claimTimeout how long the claim holds if it is neither completed nor
	 * released (the instance handling it died, say)
	 * @return {@link Claim#CLAIMED} when the caller is to deliver it, otherwise why not
	 */
	Claim claim(String eventId, Duration claimTimeout);

	/**
	 * Mark a claimed event as delivered.
	 * @param eventId the event id
	 * @param retention how long to remember it: at least as long as an event is accepted
	 */
	void complete(String eventId, Duration retention);

	/**
	 * Forget a claim whose delivery failed, so that a redelivery is delivered.
	 * @param eventId the event id
	 */
	void release(String eventId);

	/**
	 * The answer to a claim.
	 */
	enum Claim {

		/**
		 * The event is the caller's to deliver.
		 */
		CLAIMED,

		/**
		 * Another delivery of the event is being handled now.
		 */
		IN_PROGRESS,

		/**
		 * The event was delivered.
		 */
		COMPLETED

	}

}
