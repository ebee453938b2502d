package io.loveandpay.test.standin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock as the stand-in scripts it: the stand-in's own, behind by the
 * scripted offset, read anew on every call.
 */
final class ApplicationClock extends Clock {

	private final StandInFaults faults;

	private final ZoneId zone;

	ApplicationClock(StandInFaults faults) {
		this(faults, ZoneOffset.UTC);
	}

	private ApplicationClock(StandInFaults faults, ZoneId zone) {
		this.faults = faults;
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ApplicationClock(this.faults, zone);
	}

	@Override
	public Instant instant() {
		return this.faults.applicationNow();
	}

	@Override
	public String toString() {
		return "ApplicationClock[offset " + this.faults.clockOffset().negated() + "]";
	}

}
