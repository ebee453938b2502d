package io.loveandpay.webhook.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.loveandpay.webhook.WebhookDeduplicationStore;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link WebhookDeduplicationStore} on Redis, which the instances of an application
 * share, so that an event is delivered once across all of them.
 * <p>
 * Each event is one key, the prefix and the SHA-256 of the event id (so that keys are
 * bounded and free of odd characters), claimed with {@code SET key value NX PX} and
 * expiring on its own: after the claim timeout while in progress, after the retention
 * once delivered. Completing and releasing a claim compare its token and write in one
 * single-key script, so the store works on Redis Cluster, and a late delivery never frees
 * or overwrites a newer claim.
 * <p>
 * Calls block: they are made off event-loop threads. A Redis that cannot be reached makes
 * them throw Spring's {@code DataAccessException}s after the connection's timeouts
 * ({@code spring.data.redis.timeout} and {@code spring.data.redis.connect-timeout}).
 *
 * @since 0.1.0
 */
public final class RedisWebhookDeduplicationStore implements WebhookDeduplicationStore {

	/**
	 * The key prefix unless another is given.
	 */
	public static final String DEFAULT_KEY_PREFIX = "loveandpay:webhook:";

	private static final String COMPLETED = "completed";

	private static final String CLAIMED_PREFIX = "claimed:";

	private static final RedisScript<String> CLAIM = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
				return false
			end
			return redis.call('GET', KEYS[1])
			""", String.class);

	private static final RedisScript<Long> COMPLETE = RedisScript.of("""
			local held = redis.call('GET', KEYS[1])
			if held == ARGV[1] or not held then
				redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
				return 1
			end
			if held == ARGV[2] then
				return 1
			end
			return 0
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	/**
	 * Create a store with the {@link #DEFAULT_KEY_PREFIX default key prefix}.
	 * @param redis the template on the Redis connection
	 */
	public RedisWebhookDeduplicationStore(StringRedisTemplate redis) {
		this(redis, DEFAULT_KEY_PREFIX);
	}

	/**
	 * Create a store.
	 * @param redis the template on the Redis connection
	 * @param keyPrefix the prefix of every key: applications that share a Redis and must
	 * each see every event need prefixes of their own
	 */
	public RedisWebhookDeduplicationStore(StringRedisTemplate redis, String keyPrefix) {
		Assert.notNull(redis, "'redis' must not be null");
		Assert.hasLength(keyPrefix, "'keyPrefix' must not be empty");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Claim claim(String eventId, Duration claimTimeout) {
		String token = UUID.randomUUID().toString();
		String held = this.redis.execute(CLAIM, List.of(key(eventId)), CLAIMED_PREFIX + token, millis(claimTimeout));
		if (held == null) {
			return Claim.claimed(eventId, token);
		}
		return COMPLETED.equals(held) ? Claim.completed(eventId) : Claim.inProgress(eventId);
	}

	@Override
	public boolean complete(Claim claim, Duration retention) {
		Long done = this.redis.execute(COMPLETE, List.of(key(claim.eventId())), CLAIMED_PREFIX + claim.requiredToken(),
				COMPLETED, millis(retention));
		return done != null && done == 1;
	}

	@Override
	public boolean release(Claim claim) {
		Long released = this.redis.execute(RELEASE, List.of(key(claim.eventId())),
				CLAIMED_PREFIX + claim.requiredToken());
		return released != null && released == 1;
	}

	/**
	 * Return the key of an event.
	 * @param eventId the event id
	 * @return the key prefix and the hex SHA-256 of the event id
	 */
	String key(String eventId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
			return this.keyPrefix + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static String millis(Duration duration) {
		return Long.toString(Math.max(1, duration.toMillis()));
	}

	@Override
	public String toString() {
		return "RedisWebhookDeduplicationStore[keyPrefix=" + this.keyPrefix + "]";
	}

}
