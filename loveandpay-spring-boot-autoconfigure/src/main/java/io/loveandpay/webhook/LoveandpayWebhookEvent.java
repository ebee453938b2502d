package io.loveandpay.webhook;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery whose signature verified, published as a Spring application event:
 * <pre class="code">
 * &#64;EventListener
 * void on(LoveandpayWebhookEvent event) { ... }
 * </pre> KYC events arrive as the more specific
 * {@link io.loveandpay.kyc.KycWebhookEvent}; a listener of this type receives those too.
 * A body that is not JSON, or JSON of a shape the starter does not know, arrives as this
 * type with what could be read.
 * <p>
 * {@link #toString()} shows the event id and type only: the body may hold personal data.
 *
 * @since 0.1.0
 */
public class LoveandpayWebhookEvent {

	private final String eventId;

	private final @Nullable String type;

	private final @Nullable Instant occurredAt;

	private final String rawJson;

	private final @Nullable String deliveryId;

	/**
	 * Create an event.
	 * @param eventId the event id from the signed body ({@code evt_...}), or
	 * {@code sha256:} and the hex SHA-256 of the body when it has none
	 * @param type the event type as sent, or {@code null} when the body has none
	 * @param occurredAt the event time from the signed body, or {@code null} when it has
	 * none
	 * @param rawJson the body as received, decoded as UTF-8
	 * @param deliveryId the {@code x-webhook-id} header, or {@code null}
	 */
	public LoveandpayWebhookEvent(String eventId, @Nullable String type, @Nullable Instant occurredAt, String rawJson,
			@Nullable String deliveryId) {
		this.eventId = eventId;
		this.type = type;
		this.occurredAt = occurredAt;
		this.rawJson = rawJson;
		this.deliveryId = deliveryId;
	}

	/**
	 * Return the event id from the signed body, the key of de-duplication: the body's
	 * {@code id} ({@code evt_...}), or {@code sha256:} and the hex SHA-256 of the body
	 * when it has none.
	 * @return the event id
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * Return the event type as the provider sent it: {@code kyc.completed},
	 * {@code KYC_COMPLETED}, {@code invoice.paid} or any other value.
	 * @return the type, or {@code null} when the body has none
	 * @see #isType(String)
	 */
	public @Nullable String type() {
		return this.type;
	}

	/**
	 * Return whether this event has the given type, dotted and upper snake case being the
	 * same: {@code isType("kyc.completed")} holds for {@code KYC_COMPLETED} too.
	 * @param type the type, in either form
	 * @return whether the types match
	 */
	public boolean isType(String type) {
		return this.type != null && normalizedType(this.type).equals(normalizedType(type));
	}

	/**
	 * Return the time the event occurred, from the signed body ({@code createdAt}, or
	 * {@code timestamp}).
	 * @return the time, or {@code null} when the body has none
	 */
	public @Nullable Instant occurredAt() {
		return this.occurredAt;
	}

	/**
	 * Return the body exactly as received, decoded as UTF-8; usually JSON.
	 * @return the body
	 */
	public String rawJson() {
		return this.rawJson;
	}

	/**
	 * Return the {@code x-webhook-id} header. It is not signed: use it in logs, never as
	 * a key.
	 * @return the header, or {@code null}
	 */
	public @Nullable String deliveryId() {
		return this.deliveryId;
	}

	/**
	 * Return a type in lower-case dotted form: {@code KYC_COMPLETED} becomes
	 * {@code kyc.completed}.
	 * @param type the type
	 * @return the normalised type
	 */
	public static String normalizedType(String type) {
		return type.strip().replace('_', '.').toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[eventId=" + this.eventId + ", type=" + this.type + "]";
	}

}
