package io.loveandpay.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system time, but strictly increasing: no two readings are the same millisecond, so
 * two signatures never share a timestamp by chance.
 */
public final class TickingClock extends Clock {

	private final AtomicLong last = new AtomicLong();

	@Override
	public long millis() {
		return this.last.updateAndGet((previous) -> Math.max(previous + 1, System.currentTimeMillis()));
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
