package io.loveandpay.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;

/**
 * Receives webhook deliveries: checks the size and the signature, reads the event, judges
 * its age by the time inside the signed body, and claims it in the
 * {@link WebhookDeduplicationStore} so that it is delivered once. The HTTP endpoints of
 * the starter sit on it; it needs no Spring.
 * <p>
 * Only the body is signed, so nothing unsigned is trusted: the de-duplication key is the
 * event id inside the body (or the hash of the body), and age is judged by the body's own
 * {@code createdAt} or {@code timestamp}. Entries stay in the store for
 * {@code maxEventAge} plus the allowed skew, so a replay of an accepted event is refused
 * for as long as the event itself would be accepted.
 * <p>
 * A store that fails (a remote one that cannot be reached) makes the delivery
 * {@link WebhookOutcome#STORE_UNAVAILABLE}, never acknowledged; the failure is logged
 * once per outage, not per delivery.
 * <p>
 * Nothing of the body, the signature or the secrets is logged.
 *
 * @since 0.1.0
 */
public final class LoveandpayWebhookReceiver {

	private static final Log logger = LogFactory.getLog(LoveandpayWebhookReceiver.class);

	private static final String HASHED_ID_PREFIX = "sha256:";

	private final WebhookVerifier verifier;

	private final WebhookDeduplicationStore store;

	private final Limits limits;

	private final Clock clock;

	private final WebhookEvents events;

	private final AtomicBoolean storeFailing = new AtomicBoolean();

	/**
	 * Create a receiver.
	 * @param verifier the signature check
	 * @param store the de-duplication store
	 * @param limits the size and age limits
	 * @param clock the clock that judges age
	 */
	public LoveandpayWebhookReceiver(WebhookVerifier verifier, WebhookDeduplicationStore store, Limits limits,
			Clock clock) {
		this.verifier = verifier;
		this.store = store;
		this.limits = limits;
		this.clock = clock;
		this.events = new WebhookEvents(JsonMapper.builder().build());
	}

	/**
	 * Return the limits.
	 * @return the limits
	 */
	public Limits limits() {
		return this.limits;
	}

	/**
	 * Receive a delivery and deliver it, synchronously, to a listener.
	 * @param body the raw body bytes
	 * @param signature the {@code x-webhook-signature} header
	 * @param deliveryId the {@code x-webhook-id} header
	 * @param deliveryTimestamp the {@code x-webhook-timestamp} header
	 * @param listener receives the event, and throws to have it delivered again (the
	 * outcome is then {@link WebhookOutcome#LISTENER_FAILED}, and the exception is
	 * logged)
	 * @return what became of the delivery
	 */
	public WebhookOutcome receive(byte[] body, @Nullable String signature, @Nullable String deliveryId,
			@Nullable String deliveryTimestamp, Consumer<LoveandpayWebhookEvent> listener) {
		Reception reception = receive(body, signature, deliveryId, deliveryTimestamp);
		LoveandpayWebhookEvent event = reception.event();
		if (!reception.toDeliver() || event == null) {
			return reception.outcome();
		}
		try {
			listener.accept(event);
		}
		catch (RuntimeException ex) {
			return failed(reception, ex);
		}
		catch (Error ex) {
			// release the claim, or every redelivery is IN_PROGRESS until the claim times
			// out
			failed(reception, ex);
			throw ex;
		}
		return delivered(reception);
	}

	/**
	 * Receive a delivery up to the point of delivering it: when
	 * {@link Reception#toDeliver()}, the caller delivers the event and then calls
	 * {@link #delivered(Reception)} or {@link #failed(Reception, Throwable)}.
	 * @param body the raw body bytes
	 * @param signature the {@code x-webhook-signature} header
	 * @param deliveryId the {@code x-webhook-id} header
	 * @param deliveryTimestamp the {@code x-webhook-timestamp} header
	 * @return the reception
	 */
	public Reception receive(byte[] body, @Nullable String signature, @Nullable String deliveryId,
			@Nullable String deliveryTimestamp) {
		if (body.length > this.limits.maxBodySize()) {
			return refused(WebhookOutcome.TOO_LARGE, deliveryId, "the body is larger than the limit", null, -1);
		}
		WebhookVerifier.Verification verification = this.verifier.verify(body, signature);
		WebhookVerifier.Refusal refusal = verification.refusal();
		if (refusal != null) {
			return refused(WebhookOutcome.REJECTED_SIGNATURE, deliveryId, refusal.description(), null, -1);
		}
		Instant now = this.clock.instant();
		if (this.limits.headerTolerance() != null && !withinTolerance(deliveryTimestamp, now)) {
			return refused(WebhookOutcome.REJECTED_TIMESTAMP, deliveryId,
					"the x-webhook-timestamp header is missing or outside loveandpay.webhook.tolerance", null,
					verification.secretIndex());
		}
		LoveandpayWebhookEvent event = this.events.read(body, deliveryId);
		Instant occurredAt = event.occurredAt();
		if (occurredAt != null && (occurredAt.isBefore(now.minus(this.limits.maxEventAge()))
				|| occurredAt.isAfter(now.plus(this.limits.allowedSkew())))) {
			return refused(WebhookOutcome.STALE, deliveryId,
					"the signed event time is outside loveandpay.webhook.max-event-age (event "
							+ loggable(event.eventId()) + ")",
					event, verification.secretIndex());
		}
		Claim claim;
		try {
			claim = this.store.claim(event.eventId(), this.limits.claimTimeout());
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return new Reception(WebhookOutcome.STORE_UNAVAILABLE, event, verification.secretIndex(), null);
		}
		storeAnswered();
		return switch (claim.status()) {
			case CLAIMED -> new Reception(null, event, verification.secretIndex(), claim);
			case COMPLETED -> new Reception(WebhookOutcome.DUPLICATE, event, verification.secretIndex(), null);
			case IN_PROGRESS -> new Reception(WebhookOutcome.IN_PROGRESS, event, verification.secretIndex(), null);
		};
	}

	/**
	 * Record that every listener of a claimed event succeeded.
	 * @param reception the reception of the event, {@link Reception#toDeliver() to
	 * deliver}
	 * @return {@link WebhookOutcome#DELIVERED}, or
	 * {@link WebhookOutcome#STORE_UNAVAILABLE} when the store failed to record it, so
	 * that the delivery is not acknowledged
	 */
	public WebhookOutcome delivered(Reception reception) {
		Claim claim = claimOf(reception);
		boolean remembered;
		try {
			remembered = this.store.complete(claim, this.limits.maxEventAge().plus(this.limits.allowedSkew()));
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return WebhookOutcome.STORE_UNAVAILABLE;
		}
		storeAnswered();
		if (!remembered && logger.isWarnEnabled()) {
			logger.warn("Webhook event " + loggable(claim.eventId())
					+ " was delivered after its claim timed out, and another delivery has claimed it since;"
					+ " its listeners may run again: raise loveandpay.webhook.claim-timeout above the time they take");
		}
		return WebhookOutcome.DELIVERED;
	}

	/**
	 * Record that a listener of a claimed event failed, releasing the claim so that the
	 * provider's redelivery is delivered.
	 * @param reception the reception of the event, {@link Reception#toDeliver() to
	 * deliver}
	 * @param failure what the listener threw
	 * @return {@link WebhookOutcome#LISTENER_FAILED}
	 */
	public WebhookOutcome failed(Reception reception, Throwable failure) {
		LoveandpayWebhookEvent event = reception.event();
		Claim claim = claimOf(reception);
		if (event != null) {
			try {
				this.store.release(claim);
				storeAnswered();
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
			}
			if (logger.isWarnEnabled()) {
				String type = event.type();
				logger.warn("Webhook event " + loggable(event.eventId()) + " ("
						+ ((type != null) ? printable(type) : "no type") + ") is not acknowledged: a listener threw "
						+ failure.getClass().getName() + "; the provider will deliver it again", failure);
			}
		}
		return WebhookOutcome.LISTENER_FAILED;
	}

	private static Claim claimOf(Reception reception) {
		Claim claim = reception.claim();
		if (claim == null) {
			throw new IllegalArgumentException("The reception is not one to deliver (" + reception.outcome() + ")");
		}
		return claim;
	}

	/**
	 * Log the first failure of an outage of the store with its cause, the next ones at
	 * debug level only.
	 */
	private void storeFailed(RuntimeException ex) {
		if (this.storeFailing.compareAndSet(false, true)) {
			if (logger.isWarnEnabled()) {
				logger.warn("The webhook de-duplication store " + this.store + " failed (" + ex.getClass().getName()
						+ "); deliveries are answered " + WebhookOutcome.STORE_UNAVAILABLE.statusCode()
						+ " and the provider will deliver them again. Logged once until the store answers again", ex);
			}
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("The webhook de-duplication store failed again (" + ex.getClass().getName() + ")");
		}
	}

	private void storeAnswered() {
		if (this.storeFailing.get() && this.storeFailing.compareAndSet(true, false) && logger.isInfoEnabled()) {
			logger.info("The webhook de-duplication store " + this.store + " answers again");
		}
	}

	private boolean withinTolerance(@Nullable String deliveryTimestamp, Instant now) {
		Duration tolerance = this.limits.headerTolerance();
		if (deliveryTimestamp == null || tolerance == null) {
			return tolerance == null;
		}
		try {
			Instant sent = Instant.ofEpochMilli(Long.parseLong(deliveryTimestamp.strip()));
			return !sent.isBefore(now.minus(tolerance)) && !sent.isAfter(now.plus(tolerance));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static Reception refused(WebhookOutcome outcome, @Nullable String deliveryId, String reason,
			@Nullable LoveandpayWebhookEvent event, int secretIndex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Webhook delivery " + printable(deliveryId) + " refused (" + outcome + "): " + reason);
		}
		return new Reception(outcome, event, secretIndex, null);
	}

	/**
	 * Return an event id fit for a log line: a hashed id ({@code sha256:} and 64 hex
	 * digits) shortened to its first 12 digits, so that it reads as no signature, and any
	 * other id as {@link #printable(String)}.
	 */
	private static String loggable(String eventId) {
		if (eventId.startsWith(HASHED_ID_PREFIX)) {
			return eventId.substring(0, Math.min(eventId.length(), HASHED_ID_PREFIX.length() + 12)) + "...";
		}
		return printable(eventId);
	}

	/**
	 * Return the unsigned delivery id fit for a log line: at most 64 characters, letters,
	 * digits and {@code -_.:} only.
	 */
	private static String printable(@Nullable String deliveryId) {
		if (deliveryId == null) {
			return "(no x-webhook-id)";
		}
		StringBuilder printable = new StringBuilder();
		for (int i = 0; i < deliveryId.length() && printable.length() < 64; i++) {
			char c = deliveryId.charAt(i);
			printable.append((Character.isLetterOrDigit(c) && c < 128) || "-_.:".indexOf(c) >= 0 ? c : '?');
		}
		return printable.toString();
	}

	@Override
	public String toString() {
		return "LoveandpayWebhookReceiver[" + this.verifier + ", " + this.store + "]";
	}

	/**
	 * The receiver's limits.
	 *
	 * @param maxBodySize the largest body read, in bytes
	 * @param maxEventAge the oldest signed event time accepted
	 * @param allowedSkew how far in the future a signed event time may be
	 * @param headerTolerance how far the unsigned {@code x-webhook-timestamp} header may
	 * be from now, or {@code null} not to check it
	 * @param claimTimeout how long a claim holds when its delivery never ends
	 */
	public record Limits(long maxBodySize, Duration maxEventAge, Duration allowedSkew,
			@Nullable Duration headerTolerance, Duration claimTimeout) {

		/**
		 * The defaults: 256KB, 72 hours, 5 minutes, no header check, 5 minutes.
		 * @return the default limits
		 */
		public static Limits defaults() {
			return new Limits(256 * 1024, Duration.ofHours(72), Duration.ofMinutes(5), null, Duration.ofMinutes(5));
		}

	}

	/**
	 * A received delivery.
	 *
	 * @param outcome what became of it, or {@code null} while it is to be delivered
	 * @param event the verified event, or {@code null} when it was refused before its
	 * body was read (a stale event is refused with its event, never to be delivered)
	 * @param secretIndex the position of the secret that verified it (0 for the current
	 * one), or -1
	 * @param claim the claim on the event in the de-duplication store, present while it
	 * is to be delivered
	 */
	public record Reception(@Nullable WebhookOutcome outcome, @Nullable LoveandpayWebhookEvent event, int secretIndex,
			@Nullable Claim claim) {

		/**
		 * Return whether the event is to be delivered now.
		 * @return whether to deliver
		 */
		public boolean toDeliver() {
			return this.outcome == null;
		}

	}

}
