package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * An in-JVM stand-in for the loveandpay API, on loopback, for tests and demos without the
 * provider or its keys. It checks every request as the provider does ({@code x-api-key},
 * the {@code x-timestamp} window, the {@code x-signature} over method, raw path,
 * timestamp and body hash) and answers in the provider's shapes; keeps sessions (create,
 * get, list with paging and status filter); enforces the account's rate limits; serves
 * the hosted verification page at each session's {@code verificationUrl}; sends signed
 * webhooks and redelivers them; fails on cue ({@link #faults()}); and journals everything
 * ({@link #journal()}). It refuses live-mode keys, so it cannot pass for production.
 * <pre class="code">
 * try (LoveandpayStandIn standIn = LoveandpayStandIn.builder().start()) {
 *     // loveandpay.base-url=standIn.clientBaseUrl(), loveandpay.api-key=standIn.apiKey(), ...
 *     standIn.faults().onGet().failNext(1, 503);
 *     standIn.sessions().approve(sessionId);
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class LoveandpayStandIn implements AutoCloseable {

	/**
	 * Default public key.
	 */
	public static final String DEFAULT_API_KEY = "pk_test_standin";

	/**
	 * Default secret key.
	 */
	public static final String DEFAULT_SECRET_KEY = "sk_test_standin";

	/**
	 * Default webhook secret.
	 */
	public static final String DEFAULT_WEBHOOK_SECRET = "whsec_standin";

	private static final Log logger = LogFactory.getLog(LoveandpayStandIn.class);

	private final Builder builder;

	private final StandInFaults faults;

	private final StandInJournal journal;

	private final StandInWebhooks webhooks;

	private final StandInSessions sessions;

	private final RateLimiter rateLimiter;

	private final WebhookDispatcher dispatcher;

	private final StandInServer server;

	private LoveandpayStandIn(Builder builder) {
		this.builder = builder;
		this.faults = new StandInFaults(builder.clock);
		this.journal = new StandInJournal();
		this.webhooks = new StandInWebhooks(builder.webhookUrl, builder.envelope, builder.maxAttempts,
				builder.firstBackoff);
		this.dispatcher = new WebhookDispatcher(builder.webhookSecret, this.webhooks, this.journal, this.faults::now);
		this.sessions = new StandInSessions(this.faults::now, this.dispatcher::completed, builder.sessionLifetime);
		this.rateLimiter = new RateLimiter(builder.rateLimits);
		this.server = new StandInServer(this, builder.port);
		logger.info("loveandpay stand-in (not the provider: test keys only, nothing is verified) listening on "
				+ baseUrl());
	}

	/**
	 * Start building a stand-in.
	 * @return a builder with the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the API's base URL as the provider's documentation writes it, with
	 * {@code /api/v2}: {@code http://127.0.0.1:PORT/api/v2}, for raw HTTP clients. The
	 * starter's {@code loveandpay.base-url} and
	 * {@code LoveandpayConnectionDetails.getBaseUrl()} take the URL without
	 * {@code /api/v2}: use {@link #clientBaseUrl()} for them.
	 * @return the base URL with {@code /api/v2}
	 */
	public URI baseUrl() {
		return URI.create(clientBaseUrl() + ApiRoutes.API);
	}

	/**
	 * Return the base URL to give the starter's client ({@code loveandpay.base-url},
	 * {@code LoveandpayConnectionDetails.getBaseUrl()}), which adds {@code /api/v2}
	 * itself: {@code http://127.0.0.1:PORT}.
	 * @return the base URL without {@code /api/v2}
	 */
	public URI clientBaseUrl() {
		return URI.create("http://127.0.0.1:" + port());
	}

	/**
	 * Return the application's clock as the stand-in scripts it: the stand-in's own
	 * clock, behind by {@link StandInFaults#clockOffset(Duration) the clock offset}. Give
	 * it to a client built by hand as its signing clock (the Spring support makes it the
	 * application's {@code loveandpayClock}).
	 * @return the application's clock, in UTC
	 */
	public Clock applicationClock() {
		return new ApplicationClock(this.faults);
	}

	/**
	 * Return the port the stand-in listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Return the public key it accepts.
	 * @return the {@code x-api-key}
	 */
	public String apiKey() {
		return this.builder.apiKey;
	}

	/**
	 * Return the secret key it checks signatures with.
	 * @return the secret key
	 */
	public String secretKey() {
		return this.builder.secretKey;
	}

	/**
	 * Return the secret it signs webhooks with.
	 * @return the webhook secret
	 */
	public String webhookSecret() {
		return this.builder.webhookSecret;
	}

	/**
	 * Send later webhooks to a URL, or nowhere.
	 * @param url the receiver's URL, or {@code null}
	 */
	public void webhookUrl(@Nullable URI url) {
		this.webhooks.url(url);
	}

	/**
	 * Return the webhook delivery settings.
	 * @return the webhook settings
	 */
	public StandInWebhooks webhooks() {
		return this.webhooks;
	}

	/**
	 * Return the sessions, to inspect and to approve or reject.
	 * @return the sessions
	 */
	public StandInSessions sessions() {
		return this.sessions;
	}

	/**
	 * Return the fault scripts.
	 * @return the faults
	 */
	public StandInFaults faults() {
		return this.faults;
	}

	/**
	 * Return the journal of requests and webhooks.
	 * @return the journal
	 */
	public StandInJournal journal() {
		return this.journal;
	}

	/**
	 * Forget sessions, scripted faults, the journal and rate-limit counts, and restore
	 * the webhook settings given to the builder (pending redeliveries are dropped).
	 */
	public void reset() {
		this.dispatcher.reset();
		this.webhooks.reset();
		this.sessions.clear();
		this.faults.clear();
		this.rateLimiter.reset();
		this.journal.clear();
	}

	/**
	 * Stop listening and drop pending webhook deliveries.
	 */
	@Override
	public void close() {
		this.dispatcher.reset();
		this.server.stop();
	}

	/**
	 * Return how far a request's {@code x-timestamp} may be from the stand-in's clock.
	 * @return the timestamp tolerance
	 */
	public Duration timestampTolerance() {
		return this.builder.timestampTolerance;
	}

	RateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	@Override
	public String toString() {
		return "LoveandpayStandIn[" + baseUrl() + "]";
	}

	/**
	 * Builds and starts a {@link LoveandpayStandIn}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private String apiKey = DEFAULT_API_KEY;

		private String secretKey = DEFAULT_SECRET_KEY;

		private String webhookSecret = DEFAULT_WEBHOOK_SECRET;

		private @Nullable URI webhookUrl;

		private WebhookEnvelope envelope = WebhookEnvelope.SESSION;

		private int maxAttempts = 3;

		private Duration firstBackoff = Duration.ofMillis(100);

		private Map<Duration, Integer> rateLimits = Map.of(Duration.ofMinutes(1), 100, Duration.ofHours(1), 1000);

		private Clock clock = Clock.systemUTC();

		private int port;

		private Duration timestampTolerance = Duration.ofMinutes(5);

		private Duration sessionLifetime = Duration.ofMinutes(30);

		private Builder() {
		}

		/**
		 * Set how far a request's {@code x-timestamp} may be from the stand-in's clock
		 * before it is refused as {@code TIMESTAMP_EXPIRED} (5 minutes by default; the
		 * provider's own window is not published).
		 * @param tolerance the tolerance, either way
		 * @return this builder
		 */
		public Builder timestampTolerance(Duration tolerance) {
			Assert.isTrue(!tolerance.isNegative(), "tolerance must not be negative");
			this.timestampTolerance = tolerance;
			return this;
		}

		/**
		 * Set how long a session stays open for the end user before it expires (30
		 * minutes by default; the provider's own lifetime is not published).
		 * @param lifetime the time from a session's creation to its {@code expiresAt}
		 * @return this builder
		 */
		public Builder sessionLifetime(Duration lifetime) {
			Assert.isTrue(lifetime != null && lifetime.toMillis() > 0, "lifetime must be positive");
			this.sessionLifetime = lifetime;
			return this;
		}

		/**
		 * Set the public key to accept; live keys ({@code pk_live_}) are refused.
		 * @param apiKey the public key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			Assert.hasText(apiKey, "apiKey must not be empty");
			refuseLive(apiKey, "pk_live_");
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set the secret key to check signatures with; live keys ({@code sk_live_}) are
		 * refused.
		 * @param secretKey the secret key
		 * @return this builder
		 */
		public Builder secretKey(String secretKey) {
			Assert.hasText(secretKey, "secretKey must not be empty");
			refuseLive(secretKey, "sk_live_");
			this.secretKey = secretKey;
			return this;
		}

		/**
		 * Set the secret to sign webhooks with.
		 * @param webhookSecret the webhook secret
		 * @return this builder
		 */
		public Builder webhookSecret(String webhookSecret) {
			Assert.hasText(webhookSecret, "webhookSecret must not be empty");
			this.webhookSecret = webhookSecret;
			return this;
		}

		/**
		 * Set where webhooks go.
		 * @param webhookUrl the receiver's URL, or {@code null} to send none
		 * @return this builder
		 */
		public Builder webhookUrl(@Nullable URI webhookUrl) {
			this.webhookUrl = webhookUrl;
			return this;
		}

		/**
		 * Set the webhooks' envelope ({@link WebhookEnvelope#SESSION} by default).
		 * @param envelope the envelope
		 * @return this builder
		 */
		public Builder webhookEnvelope(WebhookEnvelope envelope) {
			this.envelope = envelope;
			return this;
		}

		/**
		 * Set how many attempts a webhook delivery gets (3 by default) and the wait
		 * before the first redelivery (100 ms by default, doubled before each later one).
		 * @param maxAttempts attempts in all, at least 1
		 * @param firstBackoff the wait before the second attempt
		 * @return this builder
		 */
		public Builder webhookRetries(int maxAttempts, Duration firstBackoff) {
			Assert.isTrue(maxAttempts > 0, "maxAttempts must be positive");
			this.maxAttempts = maxAttempts;
			this.firstBackoff = firstBackoff;
			return this;
		}

		/**
		 * Set the account's rate limits (the provider's 100 a minute and 1,000 an hour by
		 * default).
		 * @param perMinute requests allowed in any minute
		 * @param perHour requests allowed in any hour
		 * @return this builder
		 */
		public Builder rateLimits(int perMinute, int perHour) {
			Assert.isTrue(perMinute > 0 && perHour > 0, "rate limits must be positive");
			this.rateLimits = Map.of(Duration.ofMinutes(1), perMinute, Duration.ofHours(1), perHour);
			return this;
		}

		/**
		 * Set one rate limit over sliding windows of any length, in place of the
		 * account's: for tests that reach a limit, and see it lift, in seconds rather
		 * than minutes.
		 * @param requests requests allowed in any window
		 * @param window the window's length
		 * @return this builder
		 */
		public Builder rateLimit(int requests, Duration window) {
			Assert.isTrue(requests > 0, "requests must be positive");
			Assert.isTrue(window != null && !window.isNegative() && !window.isZero(), "window must be positive");
			this.rateLimits = Map.of(window, requests);
			return this;
		}

		/**
		 * Turn the rate limits off.
		 * @return this builder
		 */
		public Builder noRateLimits() {
			this.rateLimits = Map.of();
			return this;
		}

		/**
		 * Set the clock for the timestamp window, session times and rate limits (the
		 * system clock by default). The {@code Date} header is always this machine's
		 * time, as the JDK's HTTP server writes it: a client aligns its signatures with
		 * that header, so a clock other than the system's suits tests of session times,
		 * not of signing.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Listen on a given port rather than a random free one.
		 * @param port the port, or {@code 0} for a random one
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, "port must be 0 to 65535");
			this.port = port;
			return this;
		}

		/**
		 * Start the stand-in on {@code 127.0.0.1}.
		 * @return the started stand-in, to close when done
		 */
		public LoveandpayStandIn start() {
			return new LoveandpayStandIn(this);
		}

		private static void refuseLive(String key, String livePrefix) {
			if (key.startsWith(livePrefix)) {
				throw new IllegalArgumentException(
						"The loveandpay stand-in refuses live-mode keys (" + livePrefix + "...): use test keys");
			}
		}

	}

}
