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
import io.loveandpay.webhook.WebhookDeduplicationStore.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
		assertThat(this.store.size()).isOne();
	}

	@Test
	void claimWhenClaimedIsInProgress() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		assertThat(status("evt_2")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void claimWhenCompletedIsCompleted() {
		this.store.complete(this.store.claim("evt_1", CLAIM_TIMEOUT), RETENTION);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void claimWhenReleasedClaimsAgain() {
		assertThat(this.store.release(this.store.claim("evt_1", CLAIM_TIMEOUT))).isTrue();
		assertThat(this.store.size()).isZero();
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void releaseWhenCompletedKeepsItCompleted() {
		Claim claim = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(this.store.complete(claim, RETENTION)).isTrue();
		assertThat(this.store.release(claim)).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void releaseWhenUnknownDoesNothing() {
		assertThat(this.store.release(Claim.claimed("evt_unknown", "token"))).isFalse();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void claimsCarryTokensOfTheirOwn() {
		Claim first = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT);
		Claim second = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(first.isClaimed()).isTrue();
		assertThat(second.isClaimed()).isTrue();
		assertThat(first.token()).isNotEqualTo(second.token());
		assertThat(this.store.claim("evt_1", CLAIM_TIMEOUT).token()).isNull();
	}

	@Test
	void releaseWhenTheClaimTimedOutAndWasClaimedAgainKeepsTheNewerClaim() {
		Claim late = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT);
		Claim redelivery = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(this.store.release(late)).isFalse();
		assertThat(status("evt_1")).as("the redelivery keeps its claim").isEqualTo(Status.IN_PROGRESS);
		assertThat(this.store.release(redelivery)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void completeWhenTheClaimTimedOutAndWasClaimedAgainKeepsTheNewerClaim() {
		Claim late = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT);
		Claim redelivery = this.store.claim("evt_1", CLAIM_TIMEOUT);
		assertThat(this.store.complete(late, RETENTION)).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		assertThat(this.store.complete(redelivery, RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void completeWhenTheClaimTimedOutAndNoneTookItRemembersTheEvent() {
		Claim late = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT);
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
	void claimWhenClaimTimedOutClaimsAgain() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT.minusMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
		this.clock.advance(CLAIM_TIMEOUT.minusMillis(1));
		assertThat(status("evt_1")).as("the new claim holds for its own timeout").isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void claimWhenRetentionExpiredClaimsAgain() {
		Claim claim = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(Duration.ofMinutes(1));
		this.store.complete(claim, RETENTION);
		this.clock.advance(RETENTION.minusMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void completeHoldsLongerThanTheClaimTimeout() {
		this.store.complete(this.store.claim("evt_1", CLAIM_TIMEOUT), RETENTION);
		this.clock.advance(CLAIM_TIMEOUT.multipliedBy(10));
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
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
			Claim claim = this.store.claim(id, CLAIM_TIMEOUT);
			assertThat(claim.isClaimed()).isTrue();
			this.store.complete(claim, RETENTION);
			assertThat(this.store.size()).isLessThanOrEqualTo(1000);
		}
		assertThat(this.store.size()).isEqualTo(1000);
		assertThat(this.store.maxEntries()).isEqualTo(1000);
		assertThat(status("evt_flood_9999")).as("the newest is remembered").isEqualTo(Status.COMPLETED);
		assertThat(status("evt_flood_9000")).as("the 1000th newest is remembered").isEqualTo(Status.COMPLETED);
		assertThat(status("evt_flood_0")).as("the oldest is forgotten").isEqualTo(Status.CLAIMED);
	}

	@Test
	void fullStoreForgetsDeliveredEventsBeforeDeliveriesInProgress() {
		assertThat(status("evt_in_progress")).isEqualTo(Status.CLAIMED);
		for (int i = 0; i < 2_000; i++) {
			String id = "evt_done_" + i;
			this.store.complete(this.store.claim(id, CLAIM_TIMEOUT), RETENTION);
		}
		assertThat(this.store.size()).isEqualTo(1000);
		assertThat(status("evt_in_progress")).isEqualTo(Status.IN_PROGRESS);
		assertThat(status("evt_done_0")).isEqualTo(Status.CLAIMED);
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
				assertThat(answers).filteredOn(Claim::isClaimed).hasSize(1);
				assertThat(answers).filteredOn((claim) -> claim.status() == Status.IN_PROGRESS).hasSize(threads - 1);
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

	private Status status(String eventId) {
		return this.store.claim(eventId, CLAIM_TIMEOUT).status();
	}

	@Test
	void toStringShowsTheBoundOnly() {
		this.store.claim("evt_secret_id", CLAIM_TIMEOUT);
		assertThat(this.store).hasToString("InMemoryWebhookDeduplicationStore[maxEntries=1000]");
	}

}
