package io.loveandpay.client.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.loveandpay.client.LoveandpayRequestQuota;

import org.springframework.util.Assert;

/**
 * A {@link LoveandpayRequestQuota} that the instances of an application share through
 * Redis, so that together they stay within the account's limits.
 * <p>
 * The bucket is Bucket4j's compare-and-swap bucket on Lettuce's asynchronous API (one
 * key, so it works on Redis Cluster), keyed by a prefix, the SHA-256 of the public API
 * key (never a secret) and a short hash of the limits, so that only instances configured
 * alike share a bucket. Bucket4j refills it by the instances' clocks, which NTP keeps
 * close enough for limits per minute and per hour. A {@code 429} sets a second key with
 * {@code PX} of the wait, read back with {@code PTTL}, so that the instances' clocks
 * never matter to it. Every command is single-key and bounded by a short timeout; nothing
 * blocks an event loop (the connection is opened once, on a bounded-elastic thread).
 * <p>
 * When Redis fails or does not answer in time, the quota goes on locally with the limits
 * divided by the number of instances expected, logs one warning, and tries Redis again
 * after the retry interval (one caller at a time, not on every call); it logs once more
 * when Redis answers again.
 *
 * @since 0.1.0
 */
public final class RedisRequestQuota implements LoveandpayRequestQuota {

	/**
	 * The key prefix unless another is given.
	 */
	public static final String DEFAULT_KEY_PREFIX = "loveandpay:quota:";

	private static final Log logger = LogFactory.getLog(RedisRequestQuota.class);

	private static final String HOLD = """
			local left = redis.call('PTTL', KEYS[1])
			if left < tonumber(ARGV[1]) then
				redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
			end
			return 1
			""";

	private final Supplier<AbstractRedisClient> client;

	private final List<QuotaLimit> limits;

	private final byte[] bucketKey;

	private final byte[] holdKey;

	private final String keyPrefix;

	private final Duration timeout;

	private final Duration retryInterval;

	private final Scheduler clock;

	private final LocalRequestQuota local;

	private final AtomicBoolean probing = new AtomicBoolean();

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final AtomicLong storeErrors = new AtomicLong();

	private volatile boolean shared;

	private volatile boolean outage;

	private volatile @Nullable String reason;

	private volatile long retryAtNanos;

	private volatile @Nullable Shared connected;

	private RedisRequestQuota(Builder builder) {
		this.client = builder.client;
		this.limits = List.copyOf(builder.limits);
		String account = builder.keyPrefix + sha256(builder.apiKey);
		this.keyPrefix = builder.keyPrefix;
		this.bucketKey = (account + ":bucket:" + fingerprint(this.limits)).getBytes(StandardCharsets.UTF_8);
		this.holdKey = (account + ":hold").getBytes(StandardCharsets.UTF_8);
		this.timeout = builder.timeout;
		this.retryInterval = builder.retryInterval;
		this.clock = builder.clock;
		this.local = new LocalRequestQuota(
				this.limits.stream().map((limit) -> limit.share(builder.expectedInstances)).toList(), this.clock,
				"redis");
	}

	/**
	 * Start building a quota.
	 * @param client gives the Lettuce client of the Redis to share, a {@link RedisClient}
	 * or a {@link RedisClusterClient}; called when the quota first connects
	 * @param apiKey the account's public API key, whose hash names the keys
	 * @param limits the limits, at least one
	 * @return a builder
	 */
	public static Builder builder(Supplier<AbstractRedisClient> client, String apiKey, List<QuotaLimit> limits) {
		return new Builder(client, apiKey, limits);
	}

	/**
	 * Return the limits that the instances share.
	 * @return the limits
	 */
	public List<QuotaLimit> limits() {
		return this.limits;
	}

	/**
	 * Return the limits of the local fallback, this instance's share.
	 * @return the limits
	 */
	public List<QuotaLimit> fallbackLimits() {
		return this.local.limits();
	}

	@Override
	public Mono<Duration> tryAcquire() {
		return Mono.defer(() -> {
			long held = this.local.held();
			if (held > 0) {
				return Mono.just(Duration.ofNanos(held));
			}
			Shared connection = redis();
			if (connection == null) {
				return this.local.tryAcquire();
			}
			// Off Lettuce's event loop: what the caller does next must never delay
			// the answers to other commands on the connection.
			return take(connection).publishOn(Schedulers.parallel())
				.timeout(this.timeout, this.clock)
				.doOnNext((wait) -> answered())
				.onErrorResume((ex) -> {
					failed(ex);
					return this.local.tryAcquire();
				})
				.doFinally((signal) -> this.probing.set(false));
		});
	}

	@Override
	public Mono<Void> holdBack(Duration wait) {
		return Mono.defer(() -> {
			this.local.hold(wait);
			Shared connection = redis();
			if (connection == null) {
				return Mono.<Void>empty();
			}
			String millis = Long.toString(Math.max(1, wait.toMillis()));
			return Mono
				.fromFuture(() -> connection.commands()
					.<Long>eval(HOLD, ScriptOutputType.INTEGER, new byte[][] { this.holdKey },
							millis.getBytes(StandardCharsets.US_ASCII))
					.toCompletableFuture())
				.publishOn(Schedulers.parallel())
				.timeout(this.timeout, this.clock)
				.doOnNext((done) -> answered())
				.onErrorResume((ex) -> {
					failed(ex);
					return Mono.empty();
				})
				.doFinally((signal) -> this.probing.set(false))
				.then();
		});
	}

	/**
	 * Return the connection to ask Redis on: when shared, or when on the fallback, the
	 * retry interval has passed and no other caller is asking already. Without a
	 * connection yet, start opening one in the background and answer locally meanwhile.
	 */
	private @Nullable Shared redis() {
		if (!this.shared && (this.clock.now(TimeUnit.NANOSECONDS) < this.retryAtNanos
				|| !this.probing.compareAndSet(false, true))) {
			return null;
		}
		Shared connection = this.connected;
		if (connection == null) {
			this.probing.set(false);
			connectInBackground();
		}
		return connection;
	}

	private void connectInBackground() {
		if (!this.connecting.compareAndSet(false, true)) {
			return;
		}
		Mono.fromCallable(this::connect)
			.subscribeOn(Schedulers.boundedElastic())
			.doFinally((signal) -> this.connecting.set(false))
			.subscribe((connection) -> answered(), this::failed);
	}

	private Mono<Duration> take(Shared shared) {
		return Mono.fromFuture(() -> shared.commands().pttl(this.holdKey).toCompletableFuture())
			.flatMap((pttl) -> (pttl != null && pttl > 0) ? Mono.just(Duration.ofMillis(pttl))
					: Mono.fromFuture(() -> shared.bucket().tryConsumeAndReturnRemaining(1))
						.map(RedisRequestQuota::wait));
	}

	private static Duration wait(ConsumptionProbe probe) {
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

	private void answered() {
		if (this.shared) {
			return;
		}
		this.shared = true;
		this.reason = null;
		if (this.outage) {
			this.outage = false;
			logger.info("loveandpay request quota: Redis answers again; the quota is shared again");
		}
	}

	private synchronized void failed(Throwable ex) {
		this.storeErrors.incrementAndGet();
		this.retryAtNanos = this.clock.now(TimeUnit.NANOSECONDS) + this.retryInterval.toNanos();
		this.shared = false;
		this.reason = reason(ex);
		if (!this.outage) {
			this.outage = true;
			logger.warn("loveandpay request quota: Redis failed (" + this.reason + "); using a local quota of "
					+ this.local.limits() + " until Redis answers again, tried every " + this.retryInterval.toMillis()
					+ " ms");
		}
	}

	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

	private synchronized Shared connect() {
		Shared existing = this.connected;
		if (existing != null) {
			return existing;
		}
		AbstractRedisClient redis = this.client.get();
		Assert.state(redis != null, "No Redis client");
		BucketConfiguration configuration = LocalRequestQuota.configuration(this.limits);
		Duration longest = this.limits.stream().map(QuotaLimit::period).max(Duration::compareTo).orElseThrow();
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(longest.plusSeconds(1));
		Shared shared;
		if (redis instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
			LettuceBasedProxyManager<byte[]> manager = Bucket4jLettuce.casBasedBuilder(connection.async())
				.expirationAfterWrite(expiry)
				.clientClock(LocalRequestQuota.timeMeter(this.clock))
				.build();
			shared = new Shared(connection, connection.async(), bucket(manager, configuration));
		}
		else if (redis instanceof RedisClient standalone) {
			StatefulRedisConnection<byte[], byte[]> connection = standalone.connect(ByteArrayCodec.INSTANCE);
			LettuceBasedProxyManager<byte[]> manager = Bucket4jLettuce.casBasedBuilder(connection.async())
				.expirationAfterWrite(expiry)
				.clientClock(LocalRequestQuota.timeMeter(this.clock))
				.build();
			shared = new Shared(connection, connection.async(), bucket(manager, configuration));
		}
		else {
			throw new IllegalStateException("Unsupported Redis client " + redis.getClass().getName());
		}
		this.connected = shared;
		return shared;
	}

	private AsyncBucketProxy bucket(LettuceBasedProxyManager<byte[]> manager, BucketConfiguration configuration) {
		return manager.asAsync()
			.builder()
			.build(this.bucketKey, () -> CompletableFuture.completedFuture(configuration));
	}

	@Override
	public State state() {
		if (this.shared) {
			return new State("redis", null, this.storeErrors.get());
		}
		String reason = this.reason;
		return new State("redis", (reason != null) ? reason : "NotConnectedYet", this.storeErrors.get());
	}

	/**
	 * Return a short fingerprint of the limits, so that instances configured alike share
	 * a bucket and others do not mix theirs with it.
	 */
	private static String fingerprint(List<QuotaLimit> limits) {
		StringBuilder text = new StringBuilder();
		limits.forEach((limit) -> text.append(limit.requests())
			.append('/')
			.append(limit.period().toMillis())
			.append('/')
			.append(limit.burst())
			.append(';'));
		return sha256(text.toString()).substring(0, 8);
	}

	private static String sha256(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "RedisRequestQuota[keyPrefix=" + this.keyPrefix + ", limits=" + this.limits + "]";
	}

	/**
	 * The connection, its commands and the bucket on it.
	 */
	private record Shared(StatefulConnection<byte[], byte[]> connection,
			RedisClusterAsyncCommands<byte[], byte[]> commands, AsyncBucketProxy bucket) {

	}

	/**
	 * Builds a {@link RedisRequestQuota}.
	 */
	public static final class Builder {

		private final Supplier<AbstractRedisClient> client;

		private final String apiKey;

		private final List<QuotaLimit> limits;

		private String keyPrefix = DEFAULT_KEY_PREFIX;

		private int expectedInstances = 2;

		private Duration timeout = Duration.ofMillis(250);

		private Duration retryInterval = Duration.ofSeconds(5);

		private Scheduler clock = Schedulers.parallel();

		private Builder(Supplier<AbstractRedisClient> client, String apiKey, List<QuotaLimit> limits) {
			Assert.notNull(client, "'client' must not be null");
			Assert.hasText(apiKey, "'apiKey' must not be empty");
			Assert.notEmpty(limits, "'limits' must not be empty");
			this.client = client;
			this.apiKey = apiKey;
			this.limits = limits;
		}

		/**
		 * Set the prefix of the keys; {@link #DEFAULT_KEY_PREFIX} unless set.
		 * @param keyPrefix the prefix
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			Assert.hasLength(keyPrefix, "'keyPrefix' must not be empty");
			this.keyPrefix = keyPrefix;
			return this;
		}

		/**
		 * Set how many instances share the account, whose share of the limits the local
		 * fallback keeps; 2 unless set.
		 * @param expectedInstances the number of instances, at least 1
		 * @return this builder
		 */
		public Builder expectedInstances(int expectedInstances) {
			Assert.isTrue(expectedInstances >= 1, "'expectedInstances' must be at least 1");
			this.expectedInstances = expectedInstances;
			return this;
		}

		/**
		 * Set the time allowed for each Redis command; 250 ms unless set.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && timeout.toNanos() > 0, "'timeout' must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how long the quota stays on its local fallback before it tries Redis again;
		 * 5 s unless set.
		 * @param retryInterval the interval
		 * @return this builder
		 */
		public Builder retryInterval(Duration retryInterval) {
			Assert.isTrue(retryInterval != null && retryInterval.toNanos() > 0, "'retryInterval' must be positive");
			this.retryInterval = retryInterval;
			return this;
		}

		/**
		 * Set the scheduler whose clock refills the buckets and times the commands, the
		 * client's; Reactor's parallel scheduler unless set.
		 * @param clock the scheduler
		 * @return this builder
		 */
		public Builder clock(Scheduler clock) {
			Assert.notNull(clock, "'clock' must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Build the quota. It connects to Redis on its first use.
		 * @return the quota
		 */
		public RedisRequestQuota build() {
			return new RedisRequestQuota(this);
		}

	}

}
