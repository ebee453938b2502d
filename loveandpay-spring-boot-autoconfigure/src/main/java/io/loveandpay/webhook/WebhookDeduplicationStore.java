package io.loveandpay.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Remembers which webhook events were delivered, so that each is delivered once. An event
 * is claimed before its listeners run, completed when they all succeeded, and released
 * when one failed, so that the provider's redelivery is delivered again.
 * <p>
 * Each claim carries a token of its own, and {@link #complete(Claim, Duration)} and
 * {@link #release(Claim)} act on that claim only: a delivery that outlived its claim
 * timeout, and whose event a redelivery has claimed since, can neither free nor overwrite
 * the newer claim.
 * <p>
 * Keys are event ids from signed bodies. The default is
 * {@link InMemoryWebhookDeduplicationStore}; a cluster of instances needs one shared
 * store, such as {@link io.loveandpay.webhook.redis.RedisWebhookDeduplicationStore}, or
 * its own bean of this type. A store that cannot be reached throws an unchecked
 * exception, and the delivery is answered {@link WebhookOutcome#STORE_UNAVAILABLE} so
 * that the provider sends it again.
 *
 * @since 0.1.0
 */
public interface WebhookDeduplicationStore {

	/**
	 * Claim an event for delivery.
	 * @param eventId the event id
	 * @param claimTimeout how long the claim holds if it is neither completed nor
	 * released (the instance handling it died, say)
	 * @return the claim, {@link Claim#isClaimed() claimed} when the caller is to deliver
	 * the event, otherwise saying why not
	 */
	Claim claim(String eventId, Duration claimTimeout);

	/**
	 * Mark the event of a claim as delivered, unless another claim holds the event now.
	 * An event whose claim timed out with no other claim since is marked delivered too.
	 * @param claim a claim that {@link Claim#isClaimed() is claimed}
	 * @param retention how long to remember the event: at least as long as an event is
	 * accepted
	 * @return whether the event is now remembered as delivered
	 */
	boolean complete(Claim claim, Duration retention);

	/**
	 * Forget a claim whose delivery failed, so that a redelivery is delivered; nothing
	 * happens when the claim no longer holds the event (it timed out, and maybe another
	 * claim holds it now).
	 * @param claim a claim that {@link Claim#isClaimed() is claimed}
	 * @return whether the claim was forgotten
	 */
	boolean release(Claim claim);

	/**
	 * The answer to a claim: the event is the caller's to deliver, with a token unique to
	 * this claim, or another delivery has it.
	 *
	 * @param eventId the event id
	 * @param status the status of the event
	 * @param token the token of the claim, present when (and only when) the status is
	 * {@link Status#CLAIMED}
	 */
	record Claim(String eventId, Status status, @Nullable String token) {

		/**
		 * Create a claim, checking that a token comes with {@link Status#CLAIMED} only.
		 * @param eventId the event id
		 * @param status the status of the event
		 * @param token the token of the claim
		 */
		public Claim {
			if ((status == Status.CLAIMED) != (token != null)) {
				throw new IllegalArgumentException("A token is required for CLAIMED, and allowed for CLAIMED only");
			}
		}

		/**
		 * Return a claim that makes the event the caller's to deliver.
		 * @param eventId the event id
		 * @param token a token unique to this claim
		 * @return the claim
		 */
		public static Claim claimed(String eventId, String token) {
			return new Claim(eventId, Status.CLAIMED, token);
		}

		/**
		 * Return the answer for an event that another delivery is handling now.
		 * @param eventId the event id
		 * @return the answer
		 */
		public static Claim inProgress(String eventId) {
			return new Claim(eventId, Status.IN_PROGRESS, null);
		}

		/**
		 * Return the answer for an event that was delivered.
		 * @param eventId the event id
		 * @return the answer
		 */
		public static Claim completed(String eventId) {
			return new Claim(eventId, Status.COMPLETED, null);
		}

		/**
		 * Return whether the event is the caller's to deliver.
		 * @return whether the status is {@link Status#CLAIMED}
		 */
		public boolean isClaimed() {
			return this.status == Status.CLAIMED;
		}

		/**
		 * Return the token of a claim that {@link #isClaimed() is claimed}.
		 * @return the token
		 * @throws IllegalStateException when the event is not the caller's
		 */
		public String requiredToken() {
			String token = this.token;
			if (token == null) {
				throw new IllegalStateException("The event is not claimed (" + this.status + ")");
			}
			return token;
		}

	}

	/**
	 * The status of an event when it is claimed.
	 */
	enum Status {

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
