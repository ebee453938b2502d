package io.loveandpay.webhook.redis;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.loveandpay.testsupport.RedisServer;
import io.loveandpay.webhook.WebhookDeduplicationStore;
import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;
import io.loveandpay.webhook.WebhookDeduplicationStore.Status;
import io.loveandpay.webhook.WebhookDeduplicationStoreContractTests;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisWebhookDeduplicationStore}, against a real {@code redis-server}:
 * the contract, with entries that Redis itself expires, then its keys and failures.
 */
class RedisWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	@RegisterExtension
	static final RedisServer server = new RedisServer();

	private final List<LettuceConnectionFactory> connectionFactories = new ArrayList<>();

	private StringRedisTemplate redis;

	private RedisWebhookDeduplicationStore store;

	@BeforeEach
	void connect() {
		this.redis = new StringRedisTemplate(connectionFactory(server.port()));
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.store = new RedisWebhookDeduplicationStore(this.redis);
	}

	@AfterEach
	void disconnect() {
		this.connectionFactories.forEach(LettuceConnectionFactory::destroy);
	}

	@Override
	protected WebhookDeduplicationStore store() {
		return this.store;
	}

	@Override
	protected void expire(String eventId) {
		String key = this.store.key(eventId);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> !Boolean.TRUE.equals(this.redis.hasKey(key)));
	}

	@Override
	protected List<WebhookDeduplicationStore> sharing(int count) {
		List<WebhookDeduplicationStore> stores = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			stores.add(new RedisWebhookDeduplicationStore(new StringRedisTemplate(connectionFactory(server.port()))));
		}
		return stores;
	}

	@Test
	void claimIsAKeyThatExpiresAfterTheClaimTimeout() {
		Claim claim = this.store.claim("evt_1", CLAIM_TIMEOUT);
		String key = this.store.key("evt_1");
		assertThat(this.redis.opsForValue().get(key)).isEqualTo("claimed:" + claim.token());
		assertThat(this.redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(CLAIM_TIMEOUT.toMillis() - 10_000,
				CLAIM_TIMEOUT.toMillis());
	}

	@Test
	void completedEventIsAKeyThatExpiresAfterTheRetention() {
		this.store.complete(this.store.claim("evt_1", CLAIM_TIMEOUT), RETENTION);
		assertThat(this.redis.getExpire(this.store.key("evt_1"), TimeUnit.MILLISECONDS))
			.isGreaterThan(CLAIM_TIMEOUT.toMillis() * 10);
	}

	@Test
	void releasedAndUnknownEventsLeaveNoKey() {
		assertThat(this.store.release(this.store.claim("evt_1", CLAIM_TIMEOUT))).isTrue();
		assertThat(this.store.release(Claim.claimed("evt_unknown", "token"))).isFalse();
		assertThat(this.redis.keys(RedisWebhookDeduplicationStore.DEFAULT_KEY_PREFIX + "*")).isEmpty();
	}

	@Test
	void keysArePrefixedHashesOfTheEventIds() {
		String odd = "evt_{slot}\r\n* " + "x".repeat(240);
		this.store.claim(odd, CLAIM_TIMEOUT);
		this.store.claim("evt_2", CLAIM_TIMEOUT);
		Set<String> keys = this.redis.keys("*");
		assertThat(keys).hasSize(2)
			.allMatch((key) -> key.matches("loveandpay:webhook:[0-9a-f]{64}"), "prefix and SHA-256 in hex")
			.noneMatch((key) -> key.contains("evt_"));
		assertThat(status(odd)).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void storesWithOtherKeyPrefixesDoNotShareEvents() {
		RedisWebhookDeduplicationStore other = new RedisWebhookDeduplicationStore(this.redis, "billing:webhook:");
		this.store.complete(this.store.claim("evt_1", CLAIM_TIMEOUT), RETENTION);
		assertThat(other.claim("evt_1", CLAIM_TIMEOUT).isClaimed()).isTrue();
		assertThat(this.redis.keys("billing:webhook:*")).hasSize(1);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void claimWhenRedisIsUnreachableThrowsWithinTheTimeouts() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		RedisWebhookDeduplicationStore unreachable = new RedisWebhookDeduplicationStore(
				new StringRedisTemplate(connectionFactory(closedPort)));
		long started = System.nanoTime();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> unreachable.claim("evt_1", CLAIM_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void toStringShowsThePrefixOnly() {
		this.store.claim("evt_secret_id", CLAIM_TIMEOUT);
		assertThat(this.store).hasToString("RedisWebhookDeduplicationStore[keyPrefix=loveandpay:webhook:]");
	}

	private LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		factory.afterPropertiesSet();
		factory.start();
		this.connectionFactories.add(factory);
		return factory;
	}

}
