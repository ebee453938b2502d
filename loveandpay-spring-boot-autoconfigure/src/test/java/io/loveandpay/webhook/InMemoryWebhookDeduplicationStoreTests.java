package io.loveandpay.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.loveandpay.testsupport.MutableClock;
import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryWebhookDeduplicationStore}.
 */
class InMemoryWebhookDeduplicationStoreTests {

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration RETENTION = Duration.ofHours(72);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-24T16:00:00Z"));

	private final InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(1000, this.clock);

	@Test
	void claimWhenNewClaims() {
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.size()).isOne();
	}

	@Test
	void claimWhenClaimedIsInProgress() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(this.store.claim("evt_2", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void claimWhenCompletedIsCompleted() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.store.complete("evt_1", RETENTION);
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.COMPLETED);
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void claimWhenReleasedClaimsAgain() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.store.release("evt_1");
		assertThat(this.store.size()).isZero();
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void releaseWhenCompletedKeepsItCompleted() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.store.complete("evt_1", RETENTION);
		this.store.release("evt_1");
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void releaseWhenUnknownDoesNothing() {
		this.store.release("evt_unknown");
		assertThat(this.store.size()).isZero();
	}

	@Test
	void claimWhenClaimTimedOutClaimsAgain() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT.minusMillis(1));
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.IN_PROGRESS);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
		this.clock.advance(CLAIM_TIMEOUT.minusMillis(1));
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).as("the new claim holds for its own timeout")
			.isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void claimWhenRetentionExpiredClaimsAgain() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(Duration.ofMinutes(1));
		this.store.complete("evt_1", RETENTION);
		this.clock.advance(RETENTION.minusMillis(1));
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.COMPLETED);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void completeHoldsLongerThanTheClaimTimeout() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.store.complete("evt_1", RETENTION);
		this.clock.advance(CLAIM_TIMEOUT.multipliedBy(10));
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void expiredEntriesAreDroppedOnTheNextWrite() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.store.claim("evt_2", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT);
		this.store.claim("evt_3", CLAIM_TIMEOUT);
		assertThat(this.store.size()).isOne();
	}

	@Test
	void sizeStaysWithinTheBoundUnderAFloodOfCompletedEvents() {
		for (int i = 0; i < 10_000; i++) {
			String id = "evt_flood_" + i;
			assertThat(this.store.claim(id, CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
			this.store.complete(id, RETENTION);
			assertThat(this.store.size()).isLessThanOrEqualTo(1000);
		}
		assertThat(this.store.size()).isEqualTo(1000);
		assertThat(this.store.maxEntries()).isEqualTo(1000);
		assertThat(this.store.claim("evt_flood_9999", CLAIM_TIMEOUT)).as("the newest is remembered")
			.isEqualTo(Claim.COMPLETED);
		assertThat(this.store.claim("evt_flood_9000", CLAIM_TIMEOUT)).as("the 1000th newest is remembered")
			.isEqualTo(Claim.COMPLETED);
		assertThat(this.store.claim("evt_flood_0", CLAIM_TIMEOUT)).as("the oldest is forgotten")
			.isEqualTo(Claim.CLAIMED);
	}

	@Test
	void fullStoreForgetsDeliveredEventsBeforeDeliveriesInProgress() {
		assertThat(this.store.claim("evt_in_progress", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
		for (int i = 0; i < 2_000; i++) {
			String id = "evt_done_" + i;
			this.store.claim(id, CLAIM_TIMEOUT);
			this.store.complete(id, RETENTION);
		}
		assertThat(this.store.size()).isEqualTo(1000);
		assertThat(this.store.claim("evt_in_progress", CLAIM_TIMEOUT)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(this.store.claim("evt_done_0", CLAIM_TIMEOUT)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void sizeStaysWithinTheBoundUnderAFloodOfClaims() {
		for (int i = 0; i < 10_000; i++) {
			this.store.claim("evt_claim_" + i, CLAIM_TIMEOUT);
		}
		assertThat(this.store.size()).isEqualTo(1000);
	}

	@Test
	void claimWhenEightThreadsClaimOneEventAtOnceClaimsOnce() throws Exception {
		int threads = 8;
		for (int round = 0; round < 50; round++) {
			String id = "evt_race_" + round;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				List<Future<Claim>> claims = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					claims.add(executor.submit(() -> {
						start.await();
						return this.store.claim(id, CLAIM_TIMEOUT);
					}));
				}
				start.countDown();
				List<Claim> answers = new ArrayList<>();
				for (Future<Claim> claim : claims) {
					answers.add(claim.get(10, TimeUnit.SECONDS));
				}
				assertThat(answers).filteredOn((claim) -> claim == Claim.CLAIMED).hasSize(1);
				assertThat(answers).filteredOn((claim) -> claim == Claim.IN_PROGRESS).hasSize(threads - 1);
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	@Test
	void createWhenBoundBelowOneThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryWebhookDeduplicationStore(0, this.clock))
			.withMessageContaining("maxEntries");
	}

	@Test
	void toStringShowsTheBoundOnly() {
		this.store.claim("evt_secret_id", CLAIM_TIMEOUT);
		assertThat(this.store).hasToString("InMemoryWebhookDeduplicationStore[maxEntries=1000]");
	}

}
