package io.loveandpay.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookEvent;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Listeners of an application under test that record the webhook events they receive, by
 * event id, and that can be told to hold or to fail the next delivery of one event.
 * Import it into the application ({@code @SpringBootTest(classes = {App.class,
 * WebhookEventRecorder.class})}).
 */
public class WebhookEventRecorder {

	private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<String, List<LoveandpayWebhookEvent>> delivered = new ConcurrentHashMap<>();

	private final Map<String, List<KycWebhookEvent>> kycDelivered = new ConcurrentHashMap<>();

	private final Map<String, Hold> holds = new ConcurrentHashMap<>();

	private final Set<String> failures = ConcurrentHashMap.newKeySet();

	private final Map<String, Boolean> onNonBlockingThread = new ConcurrentHashMap<>();

	/**
	 * Runs first for every event: counts the attempt, then holds or fails it when told
	 * to.
	 * @param event the event
	 */
	@EventListener
	@Order(0)
	public void onAny(LoveandpayWebhookEvent event) {
		this.attempts.computeIfAbsent(event.eventId(), (id) -> new AtomicInteger()).incrementAndGet();
		this.onNonBlockingThread.put(event.eventId(), Schedulers.isInNonBlockingThread());
		Hold hold = this.holds.remove(event.eventId());
		if (hold != null) {
			hold.entered().countDown();
			hold.awaitRelease();
		}
		if (this.failures.remove(event.eventId())) {
			throw new IllegalStateException("A listener failure the test asked for");
		}
		this.delivered.computeIfAbsent(event.eventId(), (id) -> new CopyOnWriteArrayList<>()).add(event);
	}

	/**
	 * Runs after {@link #onAny}, for KYC events only, the way an application listens.
	 * @param event the event
	 */
	@EventListener
	@Order(1)
	public void onKyc(KycWebhookEvent event) {
		this.kycDelivered.computeIfAbsent(event.eventId(), (id) -> new CopyOnWriteArrayList<>()).add(event);
	}

	/**
	 * Return how often listeners were called with an event, failed calls included.
	 * @param eventId the event id
	 * @return the number of calls
	 */
	public int attempts(String eventId) {
		AtomicInteger count = this.attempts.get(eventId);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Return how many distinct events were delivered.
	 * @return the number of events
	 */
	public int deliveredEvents() {
		return this.delivered.size();
	}

	/**
	 * Return the deliveries of an event whose listeners all ran without throwing.
	 * @param eventId the event id
	 * @return the events, oldest first
	 */
	public List<LoveandpayWebhookEvent> delivered(String eventId) {
		return List.copyOf(this.delivered.getOrDefault(eventId, List.of()));
	}

	/**
	 * Return what the {@code KycWebhookEvent} listener received of an event.
	 * @param eventId the event id
	 * @return the events, oldest first
	 */
	public List<KycWebhookEvent> kycDelivered(String eventId) {
		return List.copyOf(this.kycDelivered.getOrDefault(eventId, List.of()));
	}

	/**
	 * Return whether the listener of an event ran on a non-blocking (event-loop) thread.
	 * @param eventId the event id
	 * @return whether it did, or {@code null} when it did not run
	 */
	public Boolean ranOnNonBlockingThread(String eventId) {
		return this.onNonBlockingThread.get(eventId);
	}

	/**
	 * Make the next delivery of an event throw in the listener.
	 * @param eventId the event id
	 */
	public void failOnce(String eventId) {
		this.failures.add(eventId);
	}

	/**
	 * Hold the next delivery of an event inside the listener until released.
	 * @param eventId the event id
	 * @return the hold
	 */
	public Hold holdOnce(String eventId) {
		Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
		this.holds.put(eventId, hold);
		return hold;
	}

	/**
	 * A delivery held inside the listener.
	 *
	 * @param entered counted down once the listener holds the delivery
	 * @param release to count down to let it go on
	 */
	public record Hold(CountDownLatch entered, CountDownLatch release) {

		/**
		 * Wait until the listener holds the delivery.
		 * @return whether it did within the bound
		 * @throws InterruptedException when interrupted
		 */
		public boolean awaitEntered() throws InterruptedException {
			return this.entered.await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS);
		}

		void awaitRelease() {
			try {
				if (!this.release.await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS)) {
					throw new IllegalStateException("The test never released the held delivery");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while held", ex);
			}
		}

	}

}
