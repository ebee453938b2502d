package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How the stand-in delivers webhooks: where to, in which envelope, how often it
 * redelivers after a non-2xx answer or a connection error (doubling the backoff each
 * time), and the provider's habits a receiver must survive: delivering twice and out of
 * order. {@link LoveandpayStandIn#reset()} restores the builder's settings.
 *
 * @since 0.1.0
 */
public final class StandInWebhooks {

	private final Settings defaults;

	private volatile Settings settings;

	private volatile boolean deliverTwice;

	private volatile boolean outOfOrder;

	private volatile Runnable onOrderRestored = () -> {
	};

	StandInWebhooks(@Nullable URI url, WebhookEnvelope envelope, int maxAttempts, Duration firstBackoff) {
		this.defaults = new Settings(url, envelope, maxAttempts, firstBackoff);
		this.settings = this.defaults;
	}

	/**
	 * Send webhooks to a URL, or nowhere.
	 * @param url the receiver's URL, or {@code null} to send none
	 * @return these settings
	 */
	public StandInWebhooks url(@Nullable URI url) {
		Settings current = this.settings;
		this.settings = new Settings(url, current.envelope(), current.maxAttempts(), current.firstBackoff());
		return this;
	}

	/**
	 * Return where webhooks go.
	 * @return the receiver's URL, or {@code null}
	 */
	public @Nullable URI url() {
		return this.settings.url();
	}

	/**
	 * Choose the envelope of later webhooks.
	 * @param envelope the envelope
	 * @return these settings
	 */
	public StandInWebhooks envelope(WebhookEnvelope envelope) {
		Settings current = this.settings;
		this.settings = new Settings(current.url(), envelope, current.maxAttempts(), current.firstBackoff());
		return this;
	}

	/**
	 * Return the envelope of later webhooks.
	 * @return the envelope
	 */
	public WebhookEnvelope envelope() {
		return this.settings.envelope();
	}

	/**
	 * Set how many attempts a delivery gets and the wait before the first redelivery
	 * (doubled before each later one).
	 * @param maxAttempts attempts in all, at least 1
	 * @param firstBackoff the wait before the second attempt
	 * @return these settings
	 */
	public StandInWebhooks retries(int maxAttempts, Duration firstBackoff) {
		Assert.isTrue(maxAttempts > 0, "maxAttempts must be positive");
		Settings current = this.settings;
		this.settings = new Settings(current.url(), current.envelope(), maxAttempts, firstBackoff);
		return this;
	}

	/**
	 * Deliver every later event twice (same body and event id, new delivery id), or stop.
	 * @param twice whether to deliver twice
	 * @return these settings
	 */
	public StandInWebhooks deliverTwice(boolean twice) {
		this.deliverTwice = twice;
		return this;
	}

	/**
	 * Hold each event until the next one is ready and send that one first, or stop (a
	 * held event is then sent at once).
	 * @param outOfOrder whether to deliver pairs out of order
	 * @return these settings
	 */
	public StandInWebhooks deliverOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
		if (!outOfOrder) {
			this.onOrderRestored.run();
		}
		return this;
	}

	void onOrderRestored(Runnable action) {
		this.onOrderRestored = action;
	}

	Settings settings() {
		return this.settings;
	}

	boolean twice() {
		return this.deliverTwice;
	}

	boolean outOfOrder() {
		return this.outOfOrder;
	}

	void reset() {
		this.settings = this.defaults;
		this.deliverTwice = false;
		this.outOfOrder = false;
	}

	/**
	 * Delivery settings, replaced as a whole.
	 */
	record Settings(@Nullable URI url, WebhookEnvelope envelope, int maxAttempts, Duration firstBackoff) {

	}

}
