package io.loveandpay.webhook.redis;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.loveandpay.testsupport.RedisServer;
import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;
import io.loveandpay.webhook.WebhookDeduplicationStore.Status;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisWebhookDeduplicationStore}, against a real {@code redis-server}.
 */
class RedisWebhookDeduplicationStoreTests {

	@RegisterExtension
	static final RedisServer server = new RedisServer();

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration RETENTION = Duration.ofHours(72);

	private static final Duration SHORT = Duration.ofMillis(300);

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	private RedisWebhookDeduplicationStore store;

	@BeforeEach
	void connect() {
		this.connectionFactory = connectionFactory(server.port());
		this.redis = new StringRedisTemplate(this.connectionFactory);
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.store = new RedisWebhookDeduplicationStore(this.redis);
	}

	@AfterEach
	void disconnect() {
		this.connectionFactory.destroy();
	}

	@Test
	void claimWhenNewClaimsWithATokenAndExpiresAfterTheClaimTimeout() {
		Claim claim = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(claim.isClaimed()).isTrue();
		assertThat(claim.eventId()).isEqualTo("evt_1");
		assertThat(claim.token()).isNotBlank();
		String key = this.store.key("evt_1");
		assertThat(this.redis.opsForValue().get(key)).isEqualTo("claimed:" + claim.token());
		assertThat(this.redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(CLAIM_TIMEOUT.toMillis() - 10_000,
				CLAIM_TIMEOUT.toMillis());
	}

	@Test
	void claimWhenClaimedIsInProgress() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT).token()).isNull();
		assertThat(status("evt_2")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void claimWhenCompletedIsCompletedForTheRetention() {
		assertThat(this.store.complete(this.store.claim("evt_1", CLAIM_TIMEOUT), RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		assertThat(this.redis.getExpire(this.store.key("evt_1"), TimeUnit.MILLISECONDS))
			.isGreaterThan(CLAIM_TIMEOUT.toMillis() * 10);
	}

	@Test
	void claimWhenReleasedClaimsAgain() {
		assertThat(this.store.release(this.store.claim("evt_1", CLAIM_TIMEOUT))).isTrue();
		assertThat(this.redis.hasKey(this.store.key("evt_1"))).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void releaseWhenCompletedKeepsItCompleted() {
		Claim claim = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.store.complete(claim, RETENTION);
		assertThat(this.store.release(claim)).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void releaseWhenUnknownDoesNothing() {
		assertThat(this.store.release(Claim.claimed("evt_unknown", "token"))).isFalse();
		assertThat(this.redis.keys(RedisWebhookDeduplicationStore.DEFAULT_KEY_PREFIX + "*")).isEmpty();
	}

	@Test
	void claimWhenClaimTimedOutClaimsAgain() {
		assertThat(this.store.claim("evt_1", SHORT).isClaimed()).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		awaitExpiry("evt_1");
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void claimWhenRetentionExpiredClaimsAgain() {
		this.store.complete(this.store.claim("evt_1", CLAIM_TIMEOUT), SHORT);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		awaitExpiry("evt_1");
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void releaseWhenTheClaimTimedOutAndWasClaimedAgainKeepsTheNewerClaim() {
		Claim late = this.store.claim("evt_1", SHORT);
		awaitExpiry("evt_1");
		Claim redelivery = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(redelivery.isClaimed()).isTrue();
		assertThat(this.store.release(late)).isFalse();
		assertThat(status("evt_1")).as("the redelivery keeps its claim").isEqualTo(Status.IN_PROGRESS);
		assertThat(this.store.release(redelivery)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void completeWhenTheClaimTimedOutAndWasClaimedAgainKeepsTheNewerClaim() {
		Claim late = this.store.claim("evt_1", SHORT);
		awaitExpiry("evt_1");
		Claim redelivery = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(this.store.complete(late, RETENTION)).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		assertThat(this.store.complete(redelivery, RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		assertThat(this.store.complete(late, RETENTION)).as("the event is delivered").isTrue();
	}

	@Test
	void completeWhenTheClaimTimedOutAndNoneTookItRemembersTheEvent() {
		Claim late = this.store.claim("evt_1", SHORT);
		awaitExpiry("evt_1");
		assertThat(this.store.complete(late, RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void completeOrReleaseWhenNotClaimedThrows() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		Claim inProgress = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThatIllegalStateException().isThrownBy(() -> this.store.complete(inProgress, RETENTION));
		assertThatIllegalStateException().isThrownBy(() -> this.store.release(inProgress));
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
	void claimWhenEightConnectionsClaimOneEventAtOnceClaimsOnce() throws Exception {
		int threads = 8;
		List<LettuceConnectionFactory> factories = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<RedisWebhookDeduplicationStore> stores = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				LettuceConnectionFactory factory = connectionFactory(server.port());
				factories.add(factory);
				stores.add(new RedisWebhookDeduplicationStore(new StringRedisTemplate(factory)));
			}
			for (int round = 0; round < 50; round++) {
				String id = "evt_race_" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Claim>> claims = new ArrayList<>();
				for (RedisWebhookDeduplicationStore each : stores) {
					claims.add(executor.submit(() -> {
						start.await();
						return each.claim(id, CLAIM_TIMEOUT);
					}));
				}
				start.countDown();
				List<Claim> answers = new ArrayList<>();
				for (Future<Claim> claim : claims) {
					answers.add(claim.get(10, TimeUnit.SECONDS));
				}
				assertThat(answers).filteredOn(Claim::isClaimed).hasSize(1);
				assertThat(answers).filteredOn((claim) -> claim.status() == Status.IN_PROGRESS).hasSize(threads - 1);
			}
		}
		finally {
			executor.shutdownNow();
			factories.forEach(LettuceConnectionFactory::destroy);
		}
	}

	@Test
	void claimWhenRedisIsUnreachableThrowsWithinTheTimeouts() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		LettuceConnectionFactory unreachable = connectionFactory(closedPort);
		try {
			RedisWebhookDeduplicationStore store = new RedisWebhookDeduplicationStore(
					new StringRedisTemplate(unreachable));
			long started = System.nanoTime();
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.claim("evt_1", CLAIM_TIMEOUT));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void toStringShowsThePrefixOnly() {
		this.store.claim("evt_secret_id", CLAIM_TIMEOUT);
		assertThat(this.store).hasToString("RedisWebhookDeduplicationStore[keyPrefix=loveandpay:webhook:]");
	}

	private Status status(String eventId) {
		return this.store.claim(eventId, CLAIM_TIMEOUT).status();
	}

	private void awaitExpiry(String eventId) {
		String key = this.store.key(eventId);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> !Boolean.TRUE.equals(this.redis.hasKey(key)));
	}

	private static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
