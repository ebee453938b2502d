package io.loveandpay.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.loveandpay.testsupport.MutableClock;
import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;
import io.loveandpay.webhook.WebhookDeduplicationStore.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryWebhookDeduplicationStore}: the contract on a clock the tests
 * move, then its bound and its exact expiry.
 */
class InMemoryWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-24T16:00:00Z"));

	private final InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(1000, this.clock);

	@Override
	protected WebhookDeduplicationStore store() {
		return this.store;
	}

	@Override
	protected void expire(String eventId) {
		this.clock.advance(SHORT);
	}

	@Override
	protected List<WebhookDeduplicationStore> sharing(int count) {
		return Collections.nCopies(count, this.store);
	}

	@Test
	void claimHoldsForExactlyItsTimeout() {
		this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(CLAIM_TIMEOUT.minusMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.IN_PROGRESS);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void completedEventIsRememberedForExactlyTheRetention() {
		Claim claim = this.store.claim("evt_1", CLAIM_TIMEOUT);
		this.clock.advance(Duration.ofMinutes(1));
		this.store.complete(claim, RETENTION);
		this.clock.advance(RETENTION.minusMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.COMPLETED);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(status("evt_1")).isEqualTo(Status.CLAIMED);
	}

	@Test
	void releasedAndUnknownEventsTakeNoRoom() {
		assertThat(this.store.release(this.store.claim("evt_1", CLAIM_TIMEOUT))).isTrue();
		assertThat(this.store.release(Claim.claimed("evt_unknown", "token"))).isFalse();
		assertThat(this.store.size()).isZero();
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
