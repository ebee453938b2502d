package io.loveandpay.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;
import io.loveandpay.webhook.WebhookDeduplicationStore.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What every {@link WebhookDeduplicationStore} does: one claim at a time per event,
 * completed events remembered, released and timed-out claims taken again, and a late
 * claim never undoing a newer one. Each store's tests extend it and say how a claim or an
 * entry of {@link #SHORT} expires.
 */
public abstract class WebhookDeduplicationStoreContractTests {

	protected static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

	protected static final Duration RETENTION = Duration.ofHours(72);

	/**
	 * A claim timeout or retention that {@link #expire(String)} lets run out.
	 */
	protected static final Duration SHORT = Duration.ofMillis(300);

	/**
	 * Return the store under test, empty.
	 * @return the store
	 */
	protected abstract WebhookDeduplicationStore store();

	/**
	 * Return once the store's entry for an event, claimed or completed for
	 * {@link #SHORT}, has expired.
	 * @param eventId the event
	 */
	protected abstract void expire(String eventId);

	/**
	 * Return stores that share one store's entries, each on a connection of its own where
	 * the store has connections, for claims made at once from as many threads.
	 * @param count how many
	 * @return the stores
	 */
	protected abstract List<WebhookDeduplicationStore> sharing(int count);

	@Test
	void claimWhenNewClaimsWithAToken() {
		Claim claim = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThat(claim.isClaimed()).isTrue();
		assertThat(claim.status()).isEqualTo(Status.CLAIMED);
		assertThat(claim.eventId()).isEqualTo("evt_1");
		assertThat(claim.token()).isNotBlank();
	}

	@Test
	void claimWhenClaimedIsInProgressWithoutAToken() {
		store().claim("evt_1", CLAIM_TIMEOUT);
		Claim second = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThat(second.status()).isEqualTo(Status.IN_PROGRESS);
		assertThat(second.token()).isNull();
		assertThat(status("evt_2")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void claimWhenCompletedIsCompleted() {
		assertThat(store().complete(store().claim("evt_1", CLAIM_TIMEOUT), RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void claimWhenReleasedClaimsAgain() {
		assertThat(store().release(store().claim("evt_1", CLAIM_TIMEOUT))).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void releaseWhenCompletedKeepsItCompleted() {
		Claim claim = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThat(store().complete(claim, RETENTION)).isTrue();
		assertThat(store().release(claim)).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void releaseWhenUnknownDoesNothing() {
		assertThat(store().release(Claim.claimed("evt_unknown", "token"))).isFalse();
		assertThat(status("evt_unknown")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void completeOrReleaseWhenNotClaimedThrows() {
		store().claim("evt_1", CLAIM_TIMEOUT);
		Claim inProgress = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThatIllegalStateException().isThrownBy(() -> store().complete(inProgress, RETENTION));
		assertThatIllegalStateException().isThrownBy(() -> store().release(inProgress));
	}

	@Test
	void claimWhenClaimTimedOutClaimsAgainWithANewToken() {
		Claim first = store().claim("evt_1", SHORT);
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		expire("evt_1");
		Claim second = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThat(second.isClaimed()).isTrue();
		assertThat(second.token()).isNotEqualTo(first.token());
		assertThat(status("evt_1")).as("the new claim holds for its own timeout").isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void claimWhenRetentionExpiredClaimsAgain() {
		store().complete(store().claim("evt_1", CLAIM_TIMEOUT), SHORT);
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		expire("evt_1");
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void releaseWhenTheClaimTimedOutAndWasClaimedAgainKeepsTheNewerClaim() {
		Claim late = store().claim("evt_1", SHORT);
		expire("evt_1");
		Claim redelivery = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThat(redelivery.isClaimed()).isTrue();
		assertThat(store().release(late)).isFalse();
		assertThat(status("evt_1")).as("the redelivery keeps its claim").isEqualTo(Status.IN_PROGRESS);
		assertThat(store().release(redelivery)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void completeWhenTheClaimTimedOutAndWasClaimedAgainKeepsTheNewerClaim() {
		Claim late = store().claim("evt_1", SHORT);
		expire("evt_1");
		Claim redelivery = store().claim("evt_1", CLAIM_TIMEOUT);
		assertThat(store().complete(late, RETENTION)).isFalse();
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		assertThat(store().complete(redelivery, RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		assertThat(store().complete(late, RETENTION)).as("the event is delivered").isTrue();
	}

	@Test
	void completeWhenTheClaimTimedOutAndNoneTookItRemembersTheEvent() {
		Claim late = store().claim("evt_1", SHORT);
		expire("evt_1");
		assertThat(store().complete(late, RETENTION)).isTrue();
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
	}

	@Test
	void claimWhenEightClaimOneEventAtOnceClaimsOnce() throws Exception {
		int threads = 8;
		List<WebhookDeduplicationStore> stores = sharing(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 50; round++) {
				String id = "evt_race_" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Claim>> claims = new ArrayList<>();
				for (WebhookDeduplicationStore each : stores) {
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
		}
	}

	protected final Status status(String eventId) {
		return store().claim(eventId, CLAIM_TIMEOUT).status();
	}

}
