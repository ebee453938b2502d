package io.loveandpay.test.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Scripted faults: per operation ({@link #onCreate()}, {@link #onGet()},
 * {@link #onList()}) or per session ({@link #onSession(UUID)}, for reads of that session,
 * played before the operation's script), and the offset between the provider's clock and
 * the application's. Requests refused by the signature check or the rate limit consume no
 * fault. {@link LoveandpayStandIn#reset()} clears all.
 *
 * @since 0.1.0
 */
public final class StandInFaults {

	private final Map<Operation, FaultScript> operations = new EnumMap<>(Operation.class);

	private final Map<UUID, FaultScript> sessions = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile Duration clockOffset = Duration.ZERO;

	StandInFaults(Clock clock) {
		this.clock = clock;
		for (Operation operation : Operation.values()) {
			this.operations.put(operation, new FaultScript());
		}
	}

	/**
	 * Return the script for {@code POST /kyc/sessions}.
	 * @return the create script
	 */
	public FaultScript onCreate() {
		return this.operations.get(Operation.CREATE);
	}

	/**
	 * Return the script for {@code GET /kyc/sessions/{id}}.
	 * @return the get script
	 */
	public FaultScript onGet() {
		return this.operations.get(Operation.GET);
	}

	/**
	 * Return the script for {@code GET /kyc/sessions}.
	 * @return the list script
	 */
	public FaultScript onList() {
		return this.operations.get(Operation.LIST);
	}

	/**
	 * Return the script for reads of one session.
	 * @param id the session id
	 * @return that session's script
	 */
	public FaultScript onSession(UUID id) {
		return this.sessions.computeIfAbsent(id, (key) -> new FaultScript());
	}

	/**
	 * Put the provider's clock ahead of the application's by an offset (behind when
	 * negative). The stand-in keeps its own clock, which its {@code Date} header shows,
	 * and moves the application's: {@link LoveandpayStandIn#applicationClock()}, the
	 * {@code loveandpayClock} of applications that use the stand-in through its Spring
	 * support, runs behind by the offset. An offset beyond the timestamp tolerance makes
	 * the stand-in refuse with {@code TIMESTAMP_EXPIRED}, and a client that aligns its
	 * clock with the {@code Date} header recovers as it would against the provider.
	 * @param offset how far the provider's clock is ahead of the application's
	 * @return these faults
	 */
	public StandInFaults clockOffset(Duration offset) {
		this.clockOffset = offset;
		return this;
	}

	/**
	 * Return the current clock offset.
	 * @return the offset
	 */
	public Duration clockOffset() {
		return this.clockOffset;
	}

	/**
	 * Forget every scripted fault and the clock offset.
	 */
	public void clear() {
		this.operations.values().forEach(FaultScript::clear);
		this.sessions.clear();
		this.clockOffset = Duration.ZERO;
	}

	Instant now() {
		return this.clock.instant();
	}

	Instant applicationNow() {
		return this.clock.instant().minus(this.clockOffset);
	}

	@Nullable Fault next(Operation operation, @Nullable UUID session) {
		if (session != null) {
			FaultScript script = this.sessions.get(session);
			Fault fault = (script != null) ? script.poll() : null;
			if (fault != null) {
				return fault;
			}
		}
		return this.operations.get(operation).poll();
	}

}
