package io.loveandpay.webhook;

/**
 * What became of a webhook delivery, with the HTTP status the endpoint answers. The
 * {@code outcome} tag of the {@code loveandpay.webhooks.received} meter.
 *
 * @since 0.1.0
 */
public enum WebhookOutcome {

	/**
	 * Verified, new, and every listener ran without throwing: acknowledged.
	 */
	DELIVERED(200),

	/**
	 * An event delivered before: acknowledged without running the listeners again.
	 */
	DUPLICATE(200),

	/**
	 * An event whose earlier delivery is being handled now: not acknowledged, so that the
	 * provider delivers it again later, and the listeners do not run twice at once.
	 */
	IN_PROGRESS(409),

	/**
	 * The signature was missing, malformed or wrong.
	 */
	REJECTED_SIGNATURE(401),

	/**
	 * The unsigned {@code x-webhook-timestamp} header was missing or outside
	 * {@code loveandpay.webhook.tolerance} (checked only when that is set).
	 */
	REJECTED_TIMESTAMP(401),

	/**
	 * The body was larger than {@code loveandpay.webhook.max-body-size}; it was not read.
	 */
	TOO_LARGE(413),

	/**
	 * Verified, but the event's own signed time is older than
	 * {@code loveandpay.webhook.max-event-age}, or too far in the future: a replay or a
	 * wrong clock.
	 */
	STALE(400),

	/**
	 * A listener threw: not acknowledged, so that the provider delivers it again.
	 */
	LISTENER_FAILED(500),

	/**
	 * The de-duplication store could not be reached, before the listeners ran or when
	 * recording that they succeeded: not acknowledged, so that the provider delivers it
	 * again.
	 */
	STORE_UNAVAILABLE(503);

	private final int statusCode;

	WebhookOutcome(int statusCode) {
		this.statusCode = statusCode;
	}

	/**
	 * Return the HTTP status the endpoint answers with.
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

}
