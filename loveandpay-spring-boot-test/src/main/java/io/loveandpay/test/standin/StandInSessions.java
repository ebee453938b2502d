package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
 * {@link StandInJournal#awaitWebhooks(int, Duration)}).
 * <p>
 * A session that is neither approved nor rejected by its {@code expiresAt} (30 minutes
 * after its creation unless {@link LoveandpayStandIn.Builder#sessionLifetime(Duration)}
 * says otherwise), or that a test {@link #expire(UUID) expires}, has the status
 * {@code EXPIRED}: a value the provider does not document, as a client meets undocumented
 * statuses. Its hosted page says so and takes no answer, and no webhook is sent: the
 * provider documents no event for it.
 *
 * @since 0.1.0
 */
public final class StandInSessions {

	static final String NOT_STARTED = "NOT_STARTED";

	static final String IN_PROGRESS = "IN_PROGRESS";

	static final String APPROVED = "APPROVED";

	static final String REJECTED = "REJECTED";

	static final String EXPIRED = "EXPIRED";

	private final Map<UUID, StandInSession> sessions = new ConcurrentHashMap<>();

	private final Map<UUID, Long> order = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Supplier<Instant> now;

	private final Consumer<StandInSession> completed;

	private final Duration lifetime;

	StandInSessions(Supplier<Instant> now, Consumer<StandInSession> completed, Duration lifetime) {
		this.now = now;
		this.completed = completed;
		this.lifetime = lifetime;
	}

	/**
	 * Approve a session as the end user passing verification would: its status becomes
	 * {@code APPROVED} with made-up {@code verification} data, and {@code kyc.completed}
	 * is sent.
	 * @param id the session id
	 * @return the approved session
	 * @throws IllegalArgumentException when no session has that id
	 * @throws IllegalStateException when the session is already approved, rejected or
	 * expired
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
	 * @throws IllegalStateException when the session is already approved, rejected or
	 * expired
	 */
	public StandInSession reject(UUID id, String reason) {
		return complete(id, REJECTED, reason);
	}

	/**
	 * Expire a session now, as if the end user had never finished: its status becomes
	 * {@code EXPIRED} and no webhook is sent.
	 * @param id the session id
	 * @return the expired session
	 * @throws IllegalArgumentException when no session has that id
	 * @throws IllegalStateException when the session is already approved, rejected or
	 * expired
	 */
	public StandInSession expire(UUID id) {
		Instant now = this.now.get();
		return this.sessions.compute(id, (key, session) -> {
			StandInSession current = open(id, session, now);
			return withStatus(current, EXPIRED, null, now, now);
		});
	}

	/**
	 * Find a session.
	 * @param id the session id
	 * @return the session, or empty
	 */
	public Optional<StandInSession> find(UUID id) {
		Instant now = this.now.get();
		return Optional.ofNullable(this.sessions.computeIfPresent(id, (key, session) -> expired(session, now)));
	}

	/**
	 * Return every session, newest (last created) first.
	 * @return the sessions
	 */
	public List<StandInSession> all() {
		Instant now = this.now.get();
		this.sessions.replaceAll((key, session) -> expired(session, now));
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
		Instant createdAt = this.now.get();
		StandInSession session = new StandInSession(id, "verification-" + id.toString().substring(0, 8), invoiceId,
				customerId, customerEmail, customerPhone, callbackUrl, language, NOT_STARTED, null, createdAt,
				createdAt.plus(this.lifetime), null);
		this.order.put(id, this.sequence.incrementAndGet());
		this.sessions.put(id, session);
		return session;
	}

	void start(UUID id) {
		Instant now = this.now.get();
		this.sessions.computeIfPresent(id, (key, session) -> {
			StandInSession current = expired(session, now);
			return current.status().equals(NOT_STARTED) ? withStatus(current, IN_PROGRESS, null, null, null) : current;
		});
	}

	void clear() {
		this.sessions.clear();
		this.order.clear();
	}

	private StandInSession complete(UUID id, String status, @Nullable String reason) {
		Instant now = this.now.get();
		StandInSession done = this.sessions.compute(id,
				(key, session) -> withStatus(open(id, session, now), status, reason, now, null));
		this.completed.accept(done);
		return done;
	}

	private StandInSession open(UUID id, @Nullable StandInSession session, Instant now) {
		if (session == null) {
			throw new IllegalArgumentException("No session " + id);
		}
		StandInSession current = expired(session, now);
		if (!isOpen(current)) {
			throw new IllegalStateException("Session " + id + " is already " + current.status());
		}
		return current;
	}

	private static boolean isOpen(StandInSession session) {
		return session.status().equals(NOT_STARTED) || session.status().equals(IN_PROGRESS);
	}

	private static StandInSession expired(StandInSession session, Instant now) {
		return (isOpen(session) && !now.isBefore(session.expiresAt()))
				? withStatus(session, EXPIRED, null, session.expiresAt(), null) : session;
	}

	private static StandInSession withStatus(StandInSession session, String status, @Nullable String reason,
			@Nullable Instant completedAt, @Nullable Instant expiresAt) {
		return new StandInSession(session.id(), session.sessionId(), session.invoiceId(), session.customerId(),
				session.customerEmail(), session.customerPhone(), session.callbackUrl(), session.language(), status,
				reason, session.createdAt(), (expiresAt != null) ? expiresAt : session.expiresAt(), completedAt);
	}

}
