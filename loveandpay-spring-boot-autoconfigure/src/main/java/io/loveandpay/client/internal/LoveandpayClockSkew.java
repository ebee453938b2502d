package io.loveandpay.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.util.Assert;

/**
 * The measured difference between this machine's clock and the provider's. When the
 * provider refuses a request as {@code TIMESTAMP_EXPIRED}, the client reads the
 * provider's {@code Date} header, and every later signature uses the corrected time. The
 * header is taken only from an answer over https or from a loopback stand-in, and a
 * correction larger than {@link #MAX_CORRECTION} is taken for a broken header and
 * ignored.
 *
 * @since 0.1.0
 */
public final class LoveandpayClockSkew {

	/**
	 * Largest correction applied: 15 minutes. The provider's allowed skew is not
	 * published (similar APIs allow 60 seconds to 5 minutes); a correction must be able
	 * to exceed that window to be of use, and this bound keeps a forged or broken
	 * {@code Date} from moving signatures further than a few such windows.
	 */
	public static final Duration MAX_CORRECTION = Duration.ofMinutes(15);

	private final Clock base;

	private final AtomicLong offsetMillis = new AtomicLong();

	private final Clock aligned;

	/**
	 * Create a skew of zero over a clock.
	 * @param base this machine's clock
	 */
	public LoveandpayClockSkew(Clock base) {
		Assert.notNull(base, "'base' must not be null");
		this.base = base;
		this.aligned = new AlignedClock(base.getZone());
	}

	/**
	 * Return the clock to sign with: this machine's clock plus the measured offset.
	 * @return the aligned clock
	 */
	public Clock clock() {
		return this.aligned;
	}

	/**
	 * Return the measured offset; positive when the provider's clock is ahead.
	 * @return the offset
	 */
	public Duration offset() {
		return Duration.ofMillis(this.offsetMillis.get());
	}

	long offsetMillis() {
		return this.offsetMillis.get();
	}

	/**
	 * Align with the provider's time, unless that would move the clock by more than
	 * {@link #MAX_CORRECTION}.
	 * @param providerTime the time the provider reported
	 * @return whether the offset was applied
	 */
	boolean align(Instant providerTime) {
		long offset = providerTime.toEpochMilli() - this.base.millis();
		if (Math.abs(offset) > MAX_CORRECTION.toMillis()) {
			return false;
		}
		this.offsetMillis.set(offset);
		return true;
	}

	/**
	 * Forget the measured offset, as at start-up: for a test stand-in whose clock offset
	 * is reset between tests that share one application.
	 */
	public void reset() {
		this.offsetMillis.set(0);
	}

	@Override
	public String toString() {
		return "LoveandpayClockSkew[offset=" + offset() + "]";
	}

	private final class AlignedClock extends Clock {

		private final ZoneId zone;

		AlignedClock(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public long millis() {
			return LoveandpayClockSkew.this.base.millis() + LoveandpayClockSkew.this.offsetMillis.get();
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return (zone.equals(this.zone)) ? this : new AlignedClock(zone);
		}

	}

}
