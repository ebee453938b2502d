package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.MutableClock;
import io.loveandpay.testsupport.WebhookFixtures;
import io.loveandpay.webhook.LoveandpayWebhookReceiver.Limits;
import io.loveandpay.webhook.LoveandpayWebhookReceiver.Reception;
import io.loveandpay.webhook.WebhookDeduplicationStore.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.loveandpay.testsupport.WebhookFixtures.CREATED_AT;
import static io.loveandpay.testsupport.WebhookFixtures.PREVIOUS_SECRET;
import static io.loveandpay.testsupport.WebhookFixtures.SECRET;
import static io.loveandpay.testsupport.WebhookFixtures.kycCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LoveandpayWebhookReceiver}: every outcome, replays with fresh unsigned
 * headers, floods of forgeries, concurrent deliveries of one event, and what reaches the
 * log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayWebhookReceiverTests {

	private static final Instant NOW = CREATED_AT.plusSeconds(60);

	private static final Limits LIMITS = new Limits(4096, Duration.ofHours(72), Duration.ofMinutes(5), null,
			Duration.ofMinutes(5));

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(10_000, this.clock);

	private final LoveandpayWebhookReceiver receiver = receiver(LIMITS);

	private final List<LoveandpayWebhookEvent> delivered = new ArrayList<>();

	private final Consumer<LoveandpayWebhookEvent> listener = this.delivered::add;

	@Test
	void receiveWhenSignedAndNewDeliversOnce() {
		byte[] body = bytes(kycCompleted("evt_r1"));
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(this.delivered).singleElement().isInstanceOfSatisfying(KycWebhookEvent.class, (event) -> {
			assertThat(event.eventId()).isEqualTo("evt_r1");
			assertThat(event.deliveryId()).isEqualTo("whd_1");
			assertThat(event.isCompleted()).isTrue();
		});
		assertThat(WebhookOutcome.DELIVERED.statusCode()).isEqualTo(200);
	}

	@Test
	void receiveWhenSignedWithThePreviousSecretDeliversAndSaysWhich() {
		LoveandpayWebhookReceiver rotating = new LoveandpayWebhookReceiver(new WebhookVerifier(SECRET, PREVIOUS_SECRET),
				this.store, LIMITS, this.clock);
		byte[] body = bytes(kycCompleted("evt_r2"));
		Reception reception = rotating.receive(body, WebhookFixtures.signature(PREVIOUS_SECRET, body), "whd_1", null);
		assertThat(reception.toDeliver()).isTrue();
		assertThat(reception.secretIndex()).isOne();
		assertThat(rotating.delivered(reception)).isEqualTo(WebhookOutcome.DELIVERED);
	}

	@Test
	void receiveWhenBodyTooLargeRefusesBeforeTheSignature() {
		byte[] large = bytes(kycCompleted("evt_big") + " ".repeat(4096));
		assertThat(receive(large, sign(large), "whd_1", sentNow())).isEqualTo(WebhookOutcome.TOO_LARGE);
		assertThat(receive(large, null, "whd_1", sentNow())).as("size is checked before any signature")
			.isEqualTo(WebhookOutcome.TOO_LARGE);
		assertThat(receive(large, "sha256=zz", "whd_1", sentNow())).isEqualTo(WebhookOutcome.TOO_LARGE);
		assertThat(this.delivered).isEmpty();
		assertThat(this.store.size()).isZero();
		assertThat(WebhookOutcome.TOO_LARGE.statusCode()).isEqualTo(413);
	}

	@Test
	void receiveWhenBodyExactlyAtTheLimitDelivers() {
		String json = kycCompleted("evt_limit");
		byte[] body = bytes(json + " ".repeat(4096 - bytes(json).length));
		assertThat(body).hasSize(4096);
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
	}

	@Test
	void receiveWhenSignatureMissingMalformedOrWrongRejects() {
		byte[] body = bytes(kycCompleted("evt_r3"));
		String hex = sign(body).substring(7);
		for (String signature : new String[] { null, "", hex, "sha256=xyz", "sha256=" + hex.substring(0, 62),
				WebhookFixtures.signature("whsec_wrong", body) }) {
			assertThat(receive(body, signature, "whd_1", sentNow())).as(String.valueOf(signature))
				.isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		}
		byte[] changed = bytes(kycCompleted("evt_r4"));
		assertThat(receive(changed, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		assertThat(this.delivered).isEmpty();
		assertThat(this.store.size()).isZero();
		assertThat(WebhookOutcome.REJECTED_SIGNATURE.statusCode()).isEqualTo(401);
	}

	@Test
	void receiveWhenNoHeaderToleranceIgnoresTheTimestampHeader() {
		for (String timestamp : new String[] { null, "", "yesterday", "0",
				Long.toString(NOW.minus(Duration.ofDays(30)).toEpochMilli()) }) {
			byte[] body = bytes(kycCompleted("evt_ts_" + timestamp));
			assertThat(receive(body, sign(body), "whd_1", timestamp)).as(String.valueOf(timestamp))
				.isEqualTo(WebhookOutcome.DELIVERED);
		}
	}

	@Test
	void receiveWhenHeaderToleranceSetRejectsATimestampMissingUnreadableOrOutside() {
		LoveandpayWebhookReceiver strict = receiver(withTolerance(Duration.ofMinutes(5)));
		byte[] body = bytes(kycCompleted("evt_r5"));
		String signature = sign(body);
		for (String timestamp : new String[] { null, "", "yesterday", millis(NOW.minus(Duration.ofMinutes(6))),
				millis(NOW.plus(Duration.ofMinutes(6))) }) {
			assertThat(strict.receive(body, signature, "whd_1", timestamp, this.listener)).as(String.valueOf(timestamp))
				.isEqualTo(WebhookOutcome.REJECTED_TIMESTAMP);
		}
		assertThat(this.store.size()).isZero();
		assertThat(strict.receive(body, signature, "whd_1", millis(NOW.minus(Duration.ofMinutes(5))), this.listener))
			.isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(WebhookOutcome.REJECTED_TIMESTAMP.statusCode()).isEqualTo(401);
	}

	@Test
	void receiveWhenHeaderToleranceSetChecksTheSignatureFirst() {
		LoveandpayWebhookReceiver strict = receiver(withTolerance(Duration.ofMinutes(5)));
		byte[] body = bytes(kycCompleted("evt_r6"));
		assertThat(strict.receive(body, "sha256=00", "whd_1", null, this.listener))
			.isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
	}

	@Test
	void receiveWhenSignedTimeOlderThanMaxEventAgeIsStale() {
		Instant tooOld = NOW.minus(LIMITS.maxEventAge()).minusMillis(1);
		byte[] body = bytes(kycCompleted("evt_old", tooOld));
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.STALE);
		assertThat(this.delivered).isEmpty();
		assertThat(this.store.size()).isZero();
		byte[] oldest = bytes(kycCompleted("evt_oldest", NOW.minus(LIMITS.maxEventAge())));
		assertThat(receive(oldest, sign(oldest), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(WebhookOutcome.STALE.statusCode()).isEqualTo(400);
	}

	@Test
	void staleReceptionCarriesTheEventAndTheSecretButIsNotToDeliver() {
		byte[] body = bytes(kycCompleted("evt_stale", NOW.minus(LIMITS.maxEventAge()).minusSeconds(1)));
		Reception reception = this.receiver.receive(body, sign(body), "whd_1", sentNow());
		assertThat(reception.outcome()).isEqualTo(WebhookOutcome.STALE);
		assertThat(reception.toDeliver()).isFalse();
		assertThat(reception.event()).isNotNull().extracting(LoveandpayWebhookEvent::eventId).isEqualTo("evt_stale");
		assertThat(reception.secretIndex()).isZero();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void receiveWhenSignedTimeFurtherInTheFutureThanAllowedSkewIsStale() {
		byte[] future = bytes(kycCompleted("evt_future", NOW.plus(LIMITS.allowedSkew()).plusMillis(1)));
		assertThat(receive(future, sign(future), "whd_1", sentNow())).isEqualTo(WebhookOutcome.STALE);
		byte[] skewed = bytes(kycCompleted("evt_skewed", NOW.plus(LIMITS.allowedSkew())));
		assertThat(receive(skewed, sign(skewed), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
	}

	@Test
	void receiveWhenSignedTimeIsOldTheHeaderTimestampDoesNotHelp() {
		byte[] body = bytes(kycCompleted("evt_replayed", NOW.minus(Duration.ofDays(10))));
		assertThat(receiver(withTolerance(Duration.ofMinutes(5))).receive(body, sign(body), "whd_fresh", sentNow(),
				this.listener))
			.isEqualTo(WebhookOutcome.STALE);
	}

	@Test
	void receiveWhenBodyHasNoTimeDelivers() {
		byte[] body = bytes("{\"id\":\"evt_timeless\",\"event\":\"invoice.paid\",\"data\":{}}");
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(this.delivered).singleElement().satisfies((event) -> assertThat(event.occurredAt()).isNull());
		assertThat(receive(body, sign(body), "whd_2", sentNow())).isEqualTo(WebhookOutcome.DUPLICATE);
	}

	@Test
	void receiveWhenDeliveredBeforeIsDuplicate() {
		byte[] body = bytes(kycCompleted("evt_dup"));
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.delivered).hasSize(1);
		assertThat(WebhookOutcome.DUPLICATE.statusCode()).isEqualTo(200);
	}

	@Test
	void receiveWhenSameBodyResentWithFreshIdAndTimestampIsDuplicate() {
		LoveandpayWebhookReceiver strict = receiver(withTolerance(Duration.ofMinutes(5)));
		byte[] body = bytes(kycCompleted("evt_replay"));
		String signature = sign(body);
		assertThat(strict.receive(body, signature, "whd_first", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.DELIVERED);
		this.clock.advance(Duration.ofHours(71));
		assertThat(strict.receive(body, signature, "whd_forged_fresh", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.delivered).hasSize(1);
	}

	@Test
	void receiveWhenReplayedUntilTheEventIsStaleIsNeverDeliveredTwice() {
		byte[] body = bytes(kycCompleted("evt_replay_long", NOW.plus(LIMITS.allowedSkew())));
		String signature = sign(body);
		assertThat(receive(body, signature, "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
		for (int hour = 1; hour <= 80; hour++) {
			this.clock.advance(Duration.ofHours(1));
			assertThat(receive(body, signature, "whd_" + hour, sentNow())).as("after %d hours", hour)
				.isIn(WebhookOutcome.DUPLICATE, WebhookOutcome.STALE);
		}
		assertThat(this.delivered).hasSize(1);
	}

	@Test
	void receiveWhenAnEarlierDeliveryIsBeingHandledIsInProgress() {
		byte[] body = bytes(kycCompleted("evt_busy"));
		Reception first = this.receiver.receive(body, sign(body), "whd_1", sentNow());
		assertThat(first.toDeliver()).isTrue();
		Reception second = this.receiver.receive(body, sign(body), "whd_2", sentNow());
		assertThat(second.toDeliver()).isFalse();
		assertThat(second.outcome()).isEqualTo(WebhookOutcome.IN_PROGRESS);
		assertThat(receive(body, sign(body), "whd_3", sentNow())).isEqualTo(WebhookOutcome.IN_PROGRESS);
		assertThat(this.delivered).isEmpty();
		assertThat(this.receiver.delivered(first)).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(receive(body, sign(body), "whd_4", sentNow())).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(WebhookOutcome.IN_PROGRESS.statusCode()).isEqualTo(409);
	}

	@Test
	void receiveWhenTheClaimTimedOutDeliversAgain() {
		byte[] body = bytes(kycCompleted("evt_abandoned"));
		assertThat(this.receiver.receive(body, sign(body), "whd_1", sentNow()).toDeliver()).isTrue();
		this.clock.advance(LIMITS.claimTimeout());
		assertThat(receive(body, sign(body), "whd_2", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
	}

	@Test
	void receiveWhenListenerFailsReleasesSoThatTheRedeliveryIsDeliveredOnce() {
		byte[] body = bytes(kycCompleted("evt_fails_once"));
		AtomicInteger calls = new AtomicInteger();
		Consumer<LoveandpayWebhookEvent> failingOnce = (event) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("database down");
			}
			this.delivered.add(event);
		};
		assertThat(this.receiver.receive(body, sign(body), "whd_1", sentNow(), failingOnce))
			.isEqualTo(WebhookOutcome.LISTENER_FAILED);
		assertThat(this.store.size()).isZero();
		assertThat(this.receiver.receive(body, sign(body), "whd_2", sentNow(), failingOnce))
			.isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(this.receiver.receive(body, sign(body), "whd_3", sentNow(), failingOnce))
			.isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(calls).hasValue(2);
		assertThat(this.delivered).hasSize(1);
		assertThat(WebhookOutcome.LISTENER_FAILED.statusCode()).isEqualTo(500);
	}

	@Test
	void receiveWhenListenerThrowsAnErrorReleasesAndRethrows() {
		byte[] body = bytes(kycCompleted("evt_error"));
		Consumer<LoveandpayWebhookEvent> erring = (event) -> {
			throw new ListenerError();
		};
		assertThatExceptionOfType(ListenerError.class)
			.isThrownBy(() -> this.receiver.receive(body, sign(body), "whd_1", sentNow(), erring));
		assertThat(receive(body, sign(body), "whd_2", sentNow())).as("not IN_PROGRESS until the claim times out")
			.isEqualTo(WebhookOutcome.DELIVERED);
	}

	@Test
	void receiveWhenFlooded10000ForgeriesRefusesAllAndRemembersNone() {
		for (int i = 0; i < 10_000; i++) {
			byte[] body = bytes(kycCompleted("evt_forged_" + i));
			String forged = WebhookFixtures.signature("whsec_guess_" + i, body);
			// no delivery id: "whd_" + i would print the canary 8831 of the fixtures
			assertThat(this.receiver.receive(body, forged, null, sentNow(), this.listener))
				.isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		}
		assertThat(this.store.size()).isZero();
		assertThat(this.delivered).isEmpty();
	}

	@Test
	void receiveWhenTwoThreadsDeliverOneEventAtOnceRunsTheListenerOnce() throws Exception {
		byte[] body = bytes(kycCompleted("evt_concurrent"));
		String signature = sign(body);
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		Consumer<LoveandpayWebhookEvent> holding = (event) -> {
			calls.incrementAndGet();
			entered.countDown();
			try {
				assertThat(proceed.await(10, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<WebhookOutcome> first = CompletableFuture
				.supplyAsync(() -> this.receiver.receive(body, signature, "whd_1", sentNow(), holding), executor);
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<WebhookOutcome> second = CompletableFuture
				.supplyAsync(() -> this.receiver.receive(body, signature, "whd_2", sentNow(), holding), executor);
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(WebhookOutcome.IN_PROGRESS);
			proceed.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(WebhookOutcome.DELIVERED);
		}
		finally {
			proceed.countDown();
			executor.shutdownNow();
		}
		assertThat(calls).hasValue(1);
		assertThat(this.receiver.receive(body, signature, "whd_3", sentNow(), holding))
			.isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(calls).hasValue(1);
	}

	@Test
	void receiveWhenRefusedLogsNeitherBodyNorSignatureNorSecret(CapturedOutput output) {
		LoveandpayWebhookReceiver strict = receiver(withTolerance(Duration.ofMinutes(5)));
		byte[] body = bytes(kycCompleted("evt_logged"));
		String signature = sign(body);
		String hex = signature.substring(7);
		String wrong = WebhookFixtures.signature("whsec_canary_wrong", body);
		byte[] stale = bytes(kycCompleted("evt_logged_stale", NOW.minus(Duration.ofDays(30))));
		byte[] large = bytes(kycCompleted("evt_logged_large") + " ".repeat(4096));
		assertThat(strict.receive(body, null, "whd_log_1", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		assertThat(strict.receive(body, wrong, "whd_log_2", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		assertThat(strict.receive(body, "sha256=" + hex.substring(0, 63), "whd_log_3", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		assertThat(strict.receive(body, signature, "whd_log_4", "1", this.listener))
			.isEqualTo(WebhookOutcome.REJECTED_TIMESTAMP);
		assertThat(strict.receive(stale, sign(stale), "whd_log_5", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.STALE);
		assertThat(strict.receive(large, sign(large), "whd_log_6", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.TOO_LARGE);
		String log = output.getAll();
		for (int i = 1; i <= 6; i++) {
			assertThat(log).contains("Webhook delivery whd_log_" + i + " refused");
		}
		assertThat(log).contains("evt_logged_stale");
		assertThat(log).doesNotContain(hex, hex.substring(0, 16), wrong.substring(7, 23), SECRET, "whsec", "canary",
				"kyc_abc123", "completedAt", "verifiedData", "Иван", "Петров", "1990-05-14", "****8831",
				"ivan.petrov@example.com", "user_42");
		assertThat(Leaks.findIn(log)).isEmpty();
	}

	@Test
	void receiveWhenDeliveryIdHoldsLineBreaksLogsThemReplaced(CapturedOutput output) {
		byte[] body = bytes(kycCompleted("evt_injected"));
		String deliveryId = "whd_1\nWebhook delivery whd_2 DELIVERED\r\n";
		assertThat(receive(body, "sha256=00", deliveryId, sentNow())).isEqualTo(WebhookOutcome.REJECTED_SIGNATURE);
		assertThat(output.getAll()).contains("Webhook delivery whd_1?Webhook?delivery?whd_2?DELIVERED?? refused")
			.doesNotContain("\nWebhook delivery whd_2");
	}

	@Test
	void receiveWhenStaleBodyHasNoIdLogsTheHashShortened(CapturedOutput output) {
		byte[] body = bytes("{\"type\":\"invoice.paid\",\"createdAt\":\"2020-01-01T00:00:00Z\"}");
		String hashedId = WebhookEvents.bodyHash(body);
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.STALE);
		assertThat(output.getAll()).contains(hashedId.substring(0, 19) + "...").doesNotContain(hashedId);
		assertThat(Leaks.findIn(output.getAll())).isEmpty();
	}

	@Test
	void receiveWhenListenerFailsLogsTheEventIdAndNoBody(CapturedOutput output) {
		byte[] body = bytes(kycCompleted("evt_listener_log"));
		Consumer<LoveandpayWebhookEvent> failing = (event) -> {
			throw new IllegalStateException("database down");
		};
		assertThat(this.receiver.receive(body, sign(body), "whd_1", sentNow(), failing))
			.isEqualTo(WebhookOutcome.LISTENER_FAILED);
		assertThat(output.getAll()).contains("Webhook event evt_listener_log (kyc.completed) is not acknowledged",
				"database down");
		assertThat(Leaks.findIn(output.getAll())).isEmpty();
	}

	@Test
	void lateFailureOfADeliveryThatOutlivedItsClaimKeepsTheRedeliverysClaim() {
		byte[] body = bytes(kycCompleted("evt_slow"));
		Reception slow = this.receiver.receive(body, sign(body), "whd_1", sentNow());
		assertThat(slow.toDeliver()).isTrue();
		this.clock.advance(LIMITS.claimTimeout());
		Reception redelivery = this.receiver.receive(body, sign(body), "whd_2", sentNow());
		assertThat(redelivery.toDeliver()).isTrue();
		assertThat(this.receiver.failed(slow, new IllegalStateException("too slow")))
			.isEqualTo(WebhookOutcome.LISTENER_FAILED);
		assertThat(receive(body, sign(body), "whd_3", sentNow())).as("the redelivery still holds the event")
			.isEqualTo(WebhookOutcome.IN_PROGRESS);
		assertThat(this.receiver.delivered(redelivery)).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(receive(body, sign(body), "whd_4", sentNow())).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.delivered).isEmpty();
	}

	@Test
	void lateSuccessOfADeliveryThatOutlivedItsClaimSaysSoAndKeepsTheRedeliverysClaim(CapturedOutput output) {
		byte[] body = bytes(kycCompleted("evt_slow_ok"));
		Reception slow = this.receiver.receive(body, sign(body), "whd_1", sentNow());
		this.clock.advance(LIMITS.claimTimeout());
		Reception redelivery = this.receiver.receive(body, sign(body), "whd_2", sentNow());
		assertThat(redelivery.toDeliver()).isTrue();
		assertThat(this.receiver.delivered(slow)).isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(output.getAll()).contains("Webhook event evt_slow_ok was delivered after its claim timed out",
				"loveandpay.webhook.claim-timeout");
		assertThat(receive(body, sign(body), "whd_3", sentNow())).isEqualTo(WebhookOutcome.IN_PROGRESS);
		assertThat(this.receiver.failed(redelivery, new IllegalStateException("failed")))
			.isEqualTo(WebhookOutcome.LISTENER_FAILED);
		assertThat(receive(body, sign(body), "whd_4", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
	}

	@Test
	void receiveWhenTheStoreFailsIsStoreUnavailableAndLogsOncePerOutage(CapturedOutput output) {
		FailingStore failing = new FailingStore(this.store);
		LoveandpayWebhookReceiver receiver = new LoveandpayWebhookReceiver(new WebhookVerifier(SECRET), failing, LIMITS,
				this.clock);
		failing.down = true;
		for (int i = 0; i < 5; i++) {
			byte[] body = bytes(kycCompleted("evt_outage_" + i));
			assertThat(receiver.receive(body, sign(body), "whd_" + i, sentNow(), this.listener))
				.isEqualTo(WebhookOutcome.STORE_UNAVAILABLE);
		}
		assertThat(this.delivered).isEmpty();
		assertThat(WebhookOutcome.STORE_UNAVAILABLE.statusCode()).isEqualTo(503);
		assertThat(countOf(output.getAll(), "de-duplication store")).isOne();
		assertThat(output.getAll()).contains("FailingStore failed (java.lang.IllegalStateException)");
		failing.down = false;
		byte[] body = bytes(kycCompleted("evt_outage_0"));
		assertThat(receiver.receive(body, sign(body), "whd_again", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.DELIVERED);
		assertThat(this.delivered).hasSize(1);
		assertThat(output.getAll()).contains("The webhook de-duplication store FailingStore answers again");
		failing.down = true;
		body = bytes(kycCompleted("evt_outage_1"));
		assertThat(receiver.receive(body, sign(body), "whd_next", sentNow(), this.listener))
			.isEqualTo(WebhookOutcome.STORE_UNAVAILABLE);
		assertThat(countOf(output.getAll(), "FailingStore failed")).as("once per outage").isEqualTo(2);
		assertThat(Leaks.findIn(output.getAll())).isEmpty();
	}

	@Test
	void deliveredWhenTheStoreFailsToRecordItIsStoreUnavailable() {
		FailingStore failing = new FailingStore(this.store);
		LoveandpayWebhookReceiver receiver = new LoveandpayWebhookReceiver(new WebhookVerifier(SECRET), failing, LIMITS,
				this.clock);
		byte[] body = bytes(kycCompleted("evt_unrecorded"));
		Reception reception = receiver.receive(body, sign(body), "whd_1", sentNow());
		assertThat(reception.toDeliver()).isTrue();
		failing.down = true;
		assertThat(receiver.delivered(reception)).as("not acknowledged").isEqualTo(WebhookOutcome.STORE_UNAVAILABLE);
		assertThat(receiver.failed(reception, new IllegalStateException("listener")))
			.isEqualTo(WebhookOutcome.LISTENER_FAILED);
	}

	@Test
	void deliveredWhenTheReceptionIsNotToDeliverThrows() {
		byte[] body = bytes(kycCompleted("evt_twice"));
		assertThat(receive(body, sign(body), "whd_1", sentNow())).isEqualTo(WebhookOutcome.DELIVERED);
		Reception duplicate = this.receiver.receive(body, sign(body), "whd_2", sentNow());
		assertThat(duplicate.claim()).isNull();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.receiver.delivered(duplicate));
	}

	@Test
	void toStringShowsNoSecret() {
		assertThat(this.receiver.toString()).contains("WebhookVerifier[secrets=1]").doesNotContain(SECRET, "canary");
	}

	private LoveandpayWebhookReceiver receiver(Limits limits) {
		return new LoveandpayWebhookReceiver(new WebhookVerifier(SECRET), this.store, limits, this.clock);
	}

	private static Limits withTolerance(Duration tolerance) {
		return new Limits(LIMITS.maxBodySize(), LIMITS.maxEventAge(), LIMITS.allowedSkew(), tolerance,
				LIMITS.claimTimeout());
	}

	private WebhookOutcome receive(byte[] body, String signature, String deliveryId, String timestamp) {
		return this.receiver.receive(body, signature, deliveryId, timestamp, this.listener);
	}

	private String sentNow() {
		return millis(this.clock.instant());
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	private static String sign(byte[] body) {
		return WebhookFixtures.signature(SECRET, body);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/**
	 * A store that throws while it is down, as a remote one does when it cannot be
	 * reached.
	 */
	private static final class FailingStore implements WebhookDeduplicationStore {

		private final WebhookDeduplicationStore store;

		volatile boolean down;

		FailingStore(WebhookDeduplicationStore store) {
			this.store = store;
		}

		@Override
		public Claim claim(String eventId, Duration claimTimeout) {
			checkUp();
			return this.store.claim(eventId, claimTimeout);
		}

		@Override
		public boolean complete(Claim claim, Duration retention) {
			checkUp();
			return this.store.complete(claim, retention);
		}

		@Override
		public boolean release(Claim claim) {
			checkUp();
			return this.store.release(claim);
		}

		private void checkUp() {
			if (this.down) {
				throw new IllegalStateException("store down");
			}
		}

		@Override
		public String toString() {
			return "FailingStore";
		}

	}

	private static final class ListenerError extends Error {

		ListenerError() {
			super("listener error");
		}

	}

}
