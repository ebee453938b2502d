package io.loveandpay.test.standin;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The sessions the stand-in holds, and what the end user would do on the hosted page:
 * {@link #approve(UUID)} or {@link #reject(UUID, String)}, each of which sends a webhook
 * when a webhook URL is set (asynchronously; see
 * {@link StandInJournal#awaitWebhooks(int, java.time.Duration)}).
 *
 * @since 0.1.0
 */
public final class StandInSessions {

	static final String NOT_STARTED = "NOT_STARTED";

	static final String IN_PROGRESS = "IN_PROGRESS";

	static final String APPROVED = "APPROVED";

	static final String REJECTED = "REJECTED";

	private final Map<UUID, StandInSession> sessions = new ConcurrentHashMap<>();

	private final Map<UUID, Long> order = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Supplier<java.time.Instant> now;

	private final Consumer<StandInSession> completed;

	StandInSessions(Supplier<java.time.Instant> now, Consumer<StandInSession> completed) {
		this.now = now;
		this.completed = completed;
	}

	/**
	 * Approve a session as the end user passing verification would: its status becomes
	 * {@code APPROVED} with made-up {@code verification} data, and {@code kyc.completed}
	 * is sent.
	 * @param id the session id
	 * @return the approved session
	 * @throws IllegalArgumentException when no session has that id
	 * @throws IllegalStateException when the session is already approved or rejected
	 */
	public StandInSession approve(UUID id) {
		return complete(id, APPROVED, null);
	}

	/**
	 * Reject a session as failed verification would: its status becomes {@code REJECTED},
	 * and {@code kyc.failed} is sent with the reason.
	 * @param id the session id
	 * @param reason the failure reason, such as {@code document_expired}
	 * @return the rejected session
	 * @throws IllegalArgumentException when no session has that id
	 * @throws IllegalStateException when the session is already approved or rejected
	 */
	public StandInSession reject(UUID id, String reason) {
		return complete(id, REJECTED, reason);
	}

	/**
	 * Find a session.
	 * @param id the session id
	 * @return the session, or empty
	 */
	public Optional<StandInSession> find(UUID id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	/**
	 * Return every session, newest (last created) first.
	 * @return the sessions
	 */
	public List<StandInSession> all() {
		return this.sessions.values()
			.stream()
			.sorted(Comparator.comparing((StandInSession session) -> this.order.getOrDefault(session.id(), 0L))
				.reversed())
			.toList();
	}

	/**
	 * Return how many sessions the stand-in holds.
	 * @return the number of sessions
	 */
	public int count() {
		return this.sessions.size();
	}

	StandInSession create(@Nullable UUID invoiceId, @Nullable String customerId, @Nullable String customerEmail,
			@Nullable String customerPhone, @Nullable URI callbackUrl, String language) {
		UUID id = UUID.randomUUID();
		java.time.Instant createdAt = this.now.get();
		StandInSession session = new StandInSession(id, "verification-" + id.toString().substring(0, 8), invoiceId,
				customerId, customerEmail, customerPhone, callbackUrl, language, NOT_STARTED, null, createdAt,
				createdAt.plus(java.time.Duration.ofMinutes(30)), null);
		this.order.put(id, this.sequence.incrementAndGet());
		this.sessions.put(id, session);
		return session;
	}

	void start(UUID id) {
		this.sessions.computeIfPresent(id, (key, session) -> session.status().equals(NOT_STARTED)
				? withStatus(session, IN_PROGRESS, null, null) : session);
	}

	void clear() {
		this.sessions.clear();
		this.order.clear();
	}

	private StandInSession complete(UUID id, String status, @Nullable String reason) {
		StandInSession[] done = new StandInSession[1];
		this.sessions.compute(id, (key, session) -> {
			if (session == null) {
				throw new IllegalArgumentException("No session " + id);
			}
			if (session.status().equals(APPROVED) || session.status().equals(REJECTED)) {
				throw new IllegalStateException("Session " + id + " is already " + session.status());
			}
			done[0] = withStatus(session, status, reason, this.now.get());
			return done[0];
		});
		this.completed.accept(done[0]);
		return done[0];
	}

	private static StandInSession withStatus(StandInSession session, String status, @Nullable String reason,
			java.time.@Nullable Instant completedAt) {
		return new StandInSession(session.id(), session.sessionId(), session.invoiceId(), session.customerId(),
				session.customerEmail(), session.customerPhone(), session.callbackUrl(), session.language(), status,
				reason, session.createdAt(), session.expiresAt(), completedAt);
	}

}
