package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the loveandpay client, under {@code loveandpay}. {@link #toString()}
 * never shows the keys.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("loveandpay")
public class LoveandpayProperties {

	/**
	 * Default base URL of the API.
	 */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.prod.loveandpay.io");

	/**
	 * Public API key of the account, sent with every request: 'pk_test_...' for test
	 * mode, 'pk_live_...' for live mode.
	 */
	private @Nullable String apiKey;

	/**
	 * Secret key of the account that signs every request: 'sk_test_...' or 'sk_live_...',
	 * of the same mode as the API key. Never sent and never logged.
	 */
	private @Nullable String secretKey;

	/**
	 * Base URL of the API, without '/api/v2'. Requests go to '{base-url}/api/v2/...'.
	 */
	private URI baseUrl = DEFAULT_BASE_URL;

	/**
	 * Whether a base URL may use plain http to a host other than loopback, for test keys
	 * only: live keys never start over plain http to another machine.
	 */
	private boolean allowPlainHttp;

	/**
	 * Time allowed to open a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed for one attempt, from sending the request to the end of the answer.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	/**
	 * Time allowed for a whole call, retries and the waits between them included.
	 */
	private Duration callTimeout = Duration.ofSeconds(60);

	/**
	 * Largest answer body accepted; a larger one fails the call as a protocol error.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	private final Ssl ssl = new Ssl();

	private final Retry retry = new Retry();

	private final Pool pool = new Pool();

	private final Health health = new Health();

	private final Kyc kyc = new Kyc();

	private final Webhook webhook = new Webhook();

	private final Quota quota = new Quota();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public boolean isAllowPlainHttp() {
		return this.allowPlainHttp;
	}

	public void setAllowPlainHttp(boolean allowPlainHttp) {
		this.allowPlainHttp = allowPlainHttp;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Health getHealth() {
		return this.health;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Kyc getKyc() {
		return this.kyc;
	}

	public Quota getQuota() {
		return this.quota;
	}

	/**
	 * Return the mode of an API key.
	 * @param apiKey the API key
	 * @return {@code test}, {@code live} or {@code unknown}
	 */
	public static String mode(@Nullable String apiKey) {
		return (apiKey != null) ? Keys.mode(apiKey) : "unknown";
	}

	@Override
	public String toString() {
		return "LoveandpayProperties[apiKey=" + Keys.masked(this.apiKey) + ", secretKey="
				+ ((this.secretKey != null) ? "******" : "null") + ", baseUrl=" + this.baseUrl + ", allowPlainHttp="
				+ this.allowPlainHttp + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
				+ this.responseTimeout + ", callTimeout=" + this.callTimeout + ", maxResponseSize="
				+ this.maxResponseSize + ", ssl.bundle=" + this.ssl.bundle + ", retry=" + this.retry + ", pool="
				+ this.pool + ", kyc.createRecovery=" + this.kyc.createRecovery + ", webhook=" + this.webhook
				+ ", quota=" + this.quota + "]";
	}

	/**
	 * TLS of the connections to the API, the client's own: settings made for the
	 * application's other clients do not apply.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (under 'spring.ssl.bundle') whose trust material, and
		 * key material if any, the client uses. Without one, the client trusts the JVM's
		 * default certificate authorities.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Retries of calls that are safe to send again.
	 */
	public static class Retry {

		/**
		 * Attempts in all, counting the first; 1 disables retries. A request that changes
		 * state is never sent twice whatever this says.
		 */
		private int maxAttempts = 3;

		/**
		 * Largest wait before the first retry, which waits at least half of it; each
		 * later retry may wait up to twice as long as the one before.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Largest wait before any retry. A Retry-After longer than this fails the call at
		 * once.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		@Override
		public String toString() {
			return "[maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
					+ this.maxBackoff + "]";
		}

	}

	/**
	 * Connection pool of the client, its own and separate from other clients'.
	 */
	public static class Pool {

		/**
		 * Most connections open to the API at once.
		 */
		private int maxConnections = 50;

		/**
		 * Most calls waiting for a connection; more fail at once.
		 */
		private int maxPendingAcquires = 200;

		/**
		 * Time a call may wait for a connection.
		 */
		private Duration acquireTimeout = Duration.ofSeconds(10);

		/**
		 * Time an idle connection is kept; below the idle limit of servers and load
		 * balancers on the way, so that none is closed under a request.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(20);

		/**
		 * Time after which a connection is closed once idle, whatever its use.
		 */
		private Duration maxLifeTime = Duration.ofMinutes(5);

		/**
		 * Interval of the background check that closes idle and expired connections.
		 */
		private Duration evictionInterval = Duration.ofSeconds(5);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(int maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

		public Duration getEvictionInterval() {
			return this.evictionInterval;
		}

		public void setEvictionInterval(Duration evictionInterval) {
			this.evictionInterval = evictionInterval;
		}

		@Override
		public String toString() {
			return "[maxConnections=" + this.maxConnections + ", maxPendingAcquires=" + this.maxPendingAcquires
					+ ", acquireTimeout=" + this.acquireTimeout + ", maxIdleTime=" + this.maxIdleTime + ", maxLifeTime="
					+ this.maxLifeTime + ", evictionInterval=" + this.evictionInterval + "]";
		}

	}

	/**
	 * The KYC sessions API.
	 */
	public static class Kyc {

		/**
		 * Whether a create whose outcome is unknown looks for the session it may have
		 * created (among the newest sessions, by its customerId and creation time) and
		 * returns it instead of failing. Its reads count against the account's rate
		 * limit.
		 */
		private boolean createRecovery = true;

		public boolean isCreateRecovery() {
			return this.createRecovery;
		}

		public void setCreateRecovery(boolean createRecovery) {
			this.createRecovery = createRecovery;
		}

	}

	/**
	 * The client's own request quota, which keeps the application within the account's
	 * rate limits.
	 */
	public static class Quota {

		/**
		 * Whether every attempt takes a permit of the client's own request quota before
		 * it is sent. Needs Bucket4j (bucket4j_jdk17-core), which the starter brings.
		 */
		private boolean enabled = true;

		/**
		 * Limits of the quota, all applied: at most 'requests' in any window of 'period',
		 * of which at most 'burst' at once (at least 1, less than 'requests'). By default
		 * the account's documented limits: 100 a minute with a burst of 10, and 1000 an
		 * hour with a burst of 50.
		 */
		private List<Limit> limits = new ArrayList<>(
				List.of(new Limit(100, Duration.ofMinutes(1), 10), new Limit(1000, Duration.ofHours(1), 50)));

		/**
		 * Time every attempt is held back after the provider answers 429 without a
		 * Retry-After header; with one, its wait.
		 */
		private Duration defaultRetryAfter = Duration.ofSeconds(1);

		/**
		 * Store that keeps the quota: in memory, for one instance, or in Redis, shared by
		 * every instance through Spring Boot's Redis connection (spring.data.redis.*,
		 * Lettuce). Ignored when the application defines its own LoveandpayRequestQuota
		 * bean.
		 */
		private QuotaStore store = QuotaStore.MEMORY;

		/**
		 * Number of instances that share the account. While Redis cannot be reached, each
		 * instance keeps a local quota of the limits divided by this number.
		 */
		private int expectedInstances = 2;

		private final QuotaRedis redis = new QuotaRedis();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<Limit> getLimits() {
			return this.limits;
		}

		public void setLimits(List<Limit> limits) {
			this.limits = limits;
		}

		public Duration getDefaultRetryAfter() {
			return this.defaultRetryAfter;
		}

		public void setDefaultRetryAfter(Duration defaultRetryAfter) {
			this.defaultRetryAfter = defaultRetryAfter;
		}

		public QuotaStore getStore() {
			return this.store;
		}

		public void setStore(QuotaStore store) {
			this.store = store;
		}

		public int getExpectedInstances() {
			return this.expectedInstances;
		}

		public void setExpectedInstances(int expectedInstances) {
			this.expectedInstances = expectedInstances;
		}

		public QuotaRedis getRedis() {
			return this.redis;
		}

		@Override
		public String toString() {
			return "[enabled=" + this.enabled + ", limits=" + this.limits + ", defaultRetryAfter="
					+ this.defaultRetryAfter + ", store=" + this.store + ", expectedInstances=" + this.expectedInstances
					+ ", redis.keyPrefix=" + this.redis.keyPrefix + ", redis.timeout=" + this.redis.timeout
					+ ", redis.retryInterval=" + this.redis.retryInterval + "]";
		}

	}

	/**
	 * The stores that can keep the request quota.
	 */
	public enum QuotaStore {

		/**
		 * In this instance's memory.
		 */
		MEMORY,

		/**
		 * In Redis, shared by every instance.
		 */
		REDIS

	}

	/**
	 * The request quota in Redis.
	 */
	public static class QuotaRedis {

		/**
		 * Prefix of the keys in Redis, followed by a hash of the public API key.
		 */
		private String keyPrefix = "loveandpay:quota:";

		/**
		 * Time allowed for each Redis command of the quota; past it, the quota goes on
		 * locally.
		 */
		private Duration timeout = Duration.ofMillis(250);

		/**
		 * Time the quota stays on its local fallback before it tries Redis again.
		 */
		private Duration retryInterval = Duration.ofSeconds(5);

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

	/**
	 * One limit of the request quota.
	 */
	public static class Limit {

		/**
		 * Most requests in any window of the period.
		 */
		private long requests;

		/**
		 * Length of the window.
		 */
		private @Nullable Duration period;

		/**
		 * Most requests at once; the rest is refilled evenly over the period.
		 */
		private long burst;

		public Limit() {
		}

		public Limit(long requests, Duration period, long burst) {
			this.requests = requests;
			this.period = period;
			this.burst = burst;
		}

		public long getRequests() {
			return this.requests;
		}

		public void setRequests(long requests) {
			this.requests = requests;
		}

		public @Nullable Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(@Nullable Duration period) {
			this.period = period;
		}

		public long getBurst() {
			return this.burst;
		}

		public void setBurst(long burst) {
			this.burst = burst;
		}

		@Override
		public String toString() {
			return "[requests=" + this.requests + ", period=" + this.period + ", burst=" + this.burst + "]";
		}

	}

	/**
	 * The 'loveandpay' health contributor.
	 */
	public static class Health {

		/**
		 * Time a probe's result is reused, so that frequent health checks do not spend
		 * the account's rate limit.
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		/**
		 * Time allowed for one probe.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * The endpoint that receives the provider's webhooks. {@link #toString()} never shows
	 * the secrets.
	 */
	public static class Webhook {

		/**
		 * Webhook secrets that sign the provider's deliveries, the current one first and
		 * then any previous one still accepted while it is rotated. Setting one registers
		 * the endpoint.
		 */
		private List<String> secret = new ArrayList<>();

		/**
		 * Whether to register the webhook endpoint. Unset, it is registered when a secret
		 * is set; true requires a secret.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Path of the endpoint, which answers POST only.
		 */
		private String path = "/loveandpay/webhooks";

		/**
		 * Largest body read; a larger one is refused before its signature is checked.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(256);

		/**
		 * Oldest event accepted, judged by the time inside the signed body. Delivered
		 * events are remembered at least this long, so that a replay is refused.
		 */
		private Duration maxEventAge = Duration.ofHours(72);

		/**
		 * How far in the future the time inside a signed body may be.
		 */
		private Duration allowedSkew = Duration.ofMinutes(5);

		/**
		 * How far the unsigned x-webhook-timestamp header may be from now. Unset, the
		 * header is not checked; it is not signed, so it protects against nothing.
		 */
		private @Nullable Duration tolerance;

		/**
		 * Time an event claimed for delivery stays claimed when its delivery never ends;
		 * also the longest the listeners and handlers of one delivery are waited for.
		 */
		private Duration claimTimeout = Duration.ofMinutes(5);

		/**
		 * Most events the in-memory de-duplication store remembers at once; past it, the
		 * oldest is forgotten.
		 */
		private int maxEntries = 100_000;

		private final Deduplication deduplication = new Deduplication();

		private final Security security = new Security();

		public List<String> getSecret() {
			return this.secret;
		}

		public void setSecret(List<String> secret) {
			this.secret = secret;
		}

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public Duration getMaxEventAge() {
			return this.maxEventAge;
		}

		public void setMaxEventAge(Duration maxEventAge) {
			this.maxEventAge = maxEventAge;
		}

		public Duration getAllowedSkew() {
			return this.allowedSkew;
		}

		public void setAllowedSkew(Duration allowedSkew) {
			this.allowedSkew = allowedSkew;
		}

		public @Nullable Duration getTolerance() {
			return this.tolerance;
		}

		public void setTolerance(@Nullable Duration tolerance) {
			this.tolerance = tolerance;
		}

		public Duration getClaimTimeout() {
			return this.claimTimeout;
		}

		public void setClaimTimeout(Duration claimTimeout) {
			this.claimTimeout = claimTimeout;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		public Deduplication getDeduplication() {
			return this.deduplication;
		}

		public Security getSecurity() {
			return this.security;
		}

		@Override
		public String toString() {
			return "[secret=" + (this.secret.isEmpty() ? "none" : "******(" + this.secret.size() + ")") + ", enabled="
					+ this.enabled + ", path=" + this.path + ", maxBodySize=" + this.maxBodySize + ", maxEventAge="
					+ this.maxEventAge + ", allowedSkew=" + this.allowedSkew + ", tolerance=" + this.tolerance
					+ ", claimTimeout=" + this.claimTimeout + ", maxEntries=" + this.maxEntries
					+ ", deduplication.store=" + this.deduplication.store + ", deduplication.keyPrefix="
					+ this.deduplication.keyPrefix + ", security.enabled=" + this.security.enabled + "]";
		}

		/**
		 * Where delivered webhook events are remembered.
		 */
		public static class Deduplication {

			/**
			 * Store that remembers delivered events: in memory, for one instance, or in
			 * Redis, shared by every instance through Spring Boot's Redis connection
			 * (spring.data.redis.*). Ignored when the application defines its own
			 * WebhookDeduplicationStore bean.
			 */
			private DeduplicationStore store = DeduplicationStore.MEMORY;

			/**
			 * Prefix of the keys in Redis. Applications that share a Redis and must each
			 * see every event need prefixes of their own.
			 */
			private String keyPrefix = "loveandpay:webhook:";

			public DeduplicationStore getStore() {
				return this.store;
			}

			public void setStore(DeduplicationStore store) {
				this.store = store;
			}

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

		}

		/**
		 * The stores that can remember delivered webhook events.
		 */
		public enum DeduplicationStore {

			/**
			 * In this instance's memory, bounded by max-entries.
			 */
			MEMORY,

			/**
			 * In Redis, shared by every instance.
			 */
			REDIS

		}

		/**
		 * The security filter chain of the webhook endpoint, when Spring Security is
		 * present.
		 */
		public static class Security {

			/**
			 * Whether to add a security filter chain scoped to the webhook path that
			 * permits its requests without CSRF, since the signature authenticates them.
			 * Off for applications that configure the path's security themselves.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

}
