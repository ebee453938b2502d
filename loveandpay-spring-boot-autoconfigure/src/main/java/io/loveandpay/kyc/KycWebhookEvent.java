package io.loveandpay.kyc;

import java.time.Instant;

import io.loveandpay.webhook.LoveandpayWebhookEvent;
import org.jspecify.annotations.Nullable;

/**
 * A verified KYC webhook ({@code kyc.completed}, {@code kyc.failed}, in either form and
 * either of the provider's envelopes), published as a Spring application event:
 * <pre class="code">
 * &#64;EventListener
 * void on(KycWebhookEvent event) {
 *     if (event.isCompleted()) { ... event.session().id() ... }
 * }
 * </pre> The endpoint acknowledges the delivery only after every listener returned; a
 * listener that throws makes the provider deliver it again. {@link #toString()} holds no
 * personal data.
 *
 * @since 0.1.0
 */
public final class KycWebhookEvent extends LoveandpayWebhookEvent {

	/**
	 * Type of a completed verification.
	 */
	public static final String COMPLETED = "kyc.completed";

	/**
	 * Type of a failed verification.
	 */
	public static final String FAILED = "kyc.failed";

	private final KycWebhookSession session;

	/**
	 * Create an event.
	 * @param eventId the event id from the signed body
	 * @param type the event type as sent
	 * @param occurredAt the event time from the signed body
	 * @param rawJson the body as received
	 * @param deliveryId the {@code x-webhook-id} header
	 * @param session the session the event is about
	 */
	public KycWebhookEvent(String eventId, String type, @Nullable Instant occurredAt, String rawJson,
			@Nullable String deliveryId, KycWebhookSession session) {
		super(eventId, type, occurredAt, rawJson, deliveryId);
		this.session = session;
	}

	@Override
	public String type() {
		String type = super.type();
		return (type != null) ? type : "";
	}

	/**
	 * Return the session the event is about.
	 * @return the session
	 */
	public KycWebhookSession session() {
		return this.session;
	}

	/**
	 * Return whether the verification completed ({@value #COMPLETED}).
	 * @return whether it completed
	 */
	public boolean isCompleted() {
		return isType(COMPLETED);
	}

	/**
	 * Return whether the verification failed ({@value #FAILED}).
	 * @return whether it failed
	 */
	public boolean isFailed() {
		return isType(FAILED);
	}

	@Override
	public String toString() {
		return "KycWebhookEvent[eventId=" + eventId() + ", type=" + type() + ", session=" + this.session.id() + "]";
	}

}
