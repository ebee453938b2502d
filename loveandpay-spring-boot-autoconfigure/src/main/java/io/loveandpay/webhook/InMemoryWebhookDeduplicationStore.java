package io.loveandpay.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A {@link WebhookDeduplicationStore} in this JVM's memory, bounded: entries expire, and
 * past {@code maxEntries} the oldest delivered event is forgotten to make room, so memory
 * stays bounded under any flood of events (deliveries in progress, which are few, go
 * last). A forgotten event that is delivered again within the accepted age is delivered
 * again; size the bound above the number of events the provider sends within
 * {@code loveandpay.webhook.max-event-age}.
 * <p>
 * It serves one instance. Several instances behind one webhook URL need a shared store.
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

	private final int maxEntries;

	private final Clock clock;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	/**
	 * Create a store.
	 * @param maxEntries the most events remembered at once
	 * @param clock the clock that expires entries
	 */
	public InMemoryWebhookDeduplicationStore(int maxEntries, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("'maxEntries' must be 1 or more");
		}
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public synchronized Claim claim(String eventId, Duration claimTimeout) {
		long now = this.clock.millis();
		Entry entry = this.entries.get(eventId);
		if (entry != null && entry.expiresAt > now) {
			return (entry.token == null) ? Claim.completed(eventId) : Claim.inProgress(eventId);
		}
		String token = UUID.randomUUID().toString();
		this.entries.remove(eventId);
		this.entries.put(eventId, new Entry(token, now + claimTimeout.toMillis()));
		expire(now);
		return Claim.claimed(eventId, token);
	}

	@Override
	public synchronized boolean complete(Claim claim, Duration retention) {
		String token = claim.requiredToken();
		long now = this.clock.millis();
		Entry entry = this.entries.get(claim.eventId());
		boolean held = entry != null && entry.expiresAt > now;
		if (held && !token.equals(entry.token)) {
			return entry.token == null;
		}
		this.entries.remove(claim.eventId());
		this.entries.put(claim.eventId(), new Entry(null, now + retention.toMillis()));
		expire(now);
		return true;
	}

	@Override
	public synchronized boolean release(Claim claim) {
		String token = claim.requiredToken();
		Entry entry = this.entries.get(claim.eventId());
		if (entry != null && token.equals(entry.token) && entry.expiresAt > this.clock.millis()) {
			this.entries.remove(claim.eventId());
			return true;
		}
		return false;
	}

	/**
	 * Return how many events are remembered now.
	 * @return the number of entries
	 */
	public synchronized int size() {
		return this.entries.size();
	}

	/**
	 * Return the most events remembered at once.
	 * @return the bound
	 */
	public int maxEntries() {
		return this.maxEntries;
	}

	/**
	 * Forget expired entries from the oldest on and, past the bound, the oldest delivered
	 * ones first: a delivery in progress is forgotten only when nothing else is left to
	 * forget, so that a full store hardly ever lets one event run twice at once.
	 */
	private void expire(long now) {
		Iterator<Entry> oldestFirst = this.entries.values().iterator();
		while (oldestFirst.hasNext()) {
			Entry entry = oldestFirst.next();
			boolean full = this.entries.size() > this.maxEntries;
			if (entry.expiresAt <= now || (full && entry.completed())) {
				oldestFirst.remove();
			}
			else if (!full) {
				break;
			}
		}
		Iterator<Entry> inProgress = this.entries.values().iterator();
		while (this.entries.size() > this.maxEntries && inProgress.hasNext()) {
			inProgress.next();
			inProgress.remove();
		}
	}

	@Override
	public String toString() {
		return "InMemoryWebhookDeduplicationStore[maxEntries=" + this.maxEntries + "]";
	}

	/**
	 * An event in progress, with the token of its claim, or delivered ({@code token} is
	 * {@code null}).
	 */
	private record Entry(@Nullable String token, long expiresAt) {

		boolean completed() {
			return this.token == null;
		}

	}

}
