package io.loveandpay.test.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the stand-in received and sent, in order: every request with its signature verdict
 * and the status answered, and every webhook delivery attempt with the answer it got. A
 * delivery attempt is recorded once its answer has been read, which can be after the
 * receiving application's listeners have run: wait for it with
 * {@link #awaitWebhooks(int, java.time.Duration)}. Thread-safe; lists are copies.
 *
 * @since 0.1.0
 */
public final class StandInJournal {

	private final List<RecordedRequest> requests = new ArrayList<>();

	private final List<RecordedWebhook> webhooks = new ArrayList<>();

	StandInJournal() {
	}

	/**
	 * Return every request received.
	 * @return the requests, oldest first
	 */
	public synchronized List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the requests that match.
	 * @param filter which requests
	 * @return the matching requests, oldest first
	 */
	public synchronized List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
		return this.requests.stream().filter(filter).toList();
	}

	/**
	 * Return the requests with a method and path.
	 * @param method the HTTP method
	 * @param path the raw path, with {@code /api/v2}
	 * @return the matching requests, oldest first
	 */
	public List<RecordedRequest> requests(String method, String path) {
		return requests((request) -> request.method().equalsIgnoreCase(method) && request.path().equals(path));
	}

	/**
	 * Return every webhook delivery attempt.
	 * @return the attempts, oldest first
	 */
	public synchronized List<RecordedWebhook> webhooks() {
		return List.copyOf(this.webhooks);
	}

	/**
	 * Return the webhook delivery attempts that match.
	 * @param filter which attempts
	 * @return the matching attempts, oldest first
	 */
	public synchronized List<RecordedWebhook> webhooks(Predicate<RecordedWebhook> filter) {
		return this.webhooks.stream().filter(filter).toList();
	}

	/**
	 * Wait until at least {@code count} webhook delivery attempts are recorded.
	 * @param count how many attempts
	 * @param timeout how long to wait at most
	 * @return all attempts recorded by then, oldest first
	 * @throws AssertionError when fewer were recorded in time
	 */
	public List<RecordedWebhook> awaitWebhooks(int count, Duration timeout) {
		return awaitWebhooks((webhook) -> true, count, timeout);
	}

	/**
	 * Wait until at least {@code count} matching webhook delivery attempts are recorded.
	 * @param filter which attempts count
	 * @param count how many attempts
	 * @param timeout how long to wait at most
	 * @return the matching attempts recorded by then, oldest first
	 * @throws AssertionError when fewer were recorded in time
	 */
	public synchronized List<RecordedWebhook> awaitWebhooks(Predicate<RecordedWebhook> filter, int count,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<RecordedWebhook> matching = webhooks(filter);
		while (matching.size() < count) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("Expected " + count + " webhook attempts within " + timeout + " but saw "
						+ matching.size() + ": " + matching);
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for webhooks", ex);
			}
			matching = webhooks(filter);
		}
		return matching;
	}

	/**
	 * Forget everything recorded.
	 */
	public synchronized void clear() {
		this.requests.clear();
		this.webhooks.clear();
	}

	synchronized void record(RecordedRequest request) {
		this.requests.add(request);
		notifyAll();
	}

	synchronized void record(RecordedWebhook webhook) {
		this.webhooks.add(webhook);
		notifyAll();
	}

}
