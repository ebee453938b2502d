package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery attempt of a webhook, as the stand-in's journal keeps it.
 *
 * @param eventId the event id inside the signed body ({@code evt_...})
 * @param type the event type, {@code kyc.completed} or {@code kyc.failed}
 * @param sessionId the session the event is about
 * @param deliveryId the {@code x-webhook-id} header of this attempt
 * @param target where it was sent
 * @param attempt the attempt number, from 1
 * @param status the status the receiver answered, or {@code null} when none came
 * @param error the connection error when no status came, or {@code null}
 * @param body the signed body, as sent
 * @param sentAt when the attempt was made, by the stand-in's clock
 * @since 0.1.0
 */
public record RecordedWebhook(String eventId, String type, java.util.UUID sessionId, String deliveryId, URI target,
		int attempt, @Nullable Integer status, @Nullable String error, String body, Instant sentAt) {

	/**
	 * Whether the receiver answered with a 2xx status.
	 * @return whether this attempt delivered the event
	 */
	public boolean delivered() {
		return this.status != null && this.status >= 200 && this.status < 300;
	}

	@Override
	public String toString() {
		return "RecordedWebhook[eventId=" + this.eventId + ", type=" + this.type + ", sessionId=" + this.sessionId
				+ ", target=" + this.target + ", attempt=" + this.attempt + ", status=" + this.status + ", error="
				+ this.error + "]";
	}

}
