package io.loveandpay.test.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.webhook.InMemoryWebhookDeduplicationStore;
import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookReceiver;
import io.loveandpay.webhook.WebhookOutcome;
import io.loveandpay.webhook.WebhookSigner;
import io.loveandpay.webhook.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the stand-in's hosted verification page and its signed webhooks.
 */
class StandInFlowTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final WebhookReceiver receiver = newReceiver();

	private final LoveandpayStandIn standIn = LoveandpayStandIn.builder()
		.webhookUrl(this.receiver.url())
		.webhookSecret("whsec_flow")
		.start();

	@AfterEach
	void close() {
		this.standIn.close();
		this.receiver.close();
	}

	@Test
	void pageApprovesAndSendsTheBrowserToTheCallbackUrl() {
		UUID id = create("{\"callbackUrl\":\"https://shop.example/kyc/done?order=7\"}");
		URI page = URI.create("http://127.0.0.1:" + this.standIn.port() + "/verify/" + id);
		HttpResponse<String> shown = StandInClients.send(HttpRequest.newBuilder(page).build());
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("action=\"/verify/" + id + "/approve\"",
				"action=\"/verify/" + id + "/reject\"");
		assertThat(this.standIn.sessions().find(id).orElseThrow().status()).isEqualTo("IN_PROGRESS");
		HttpResponse<String> approved = StandInClients.send(HttpRequest.newBuilder(URI.create(page + "/approve"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(approved.statusCode()).isEqualTo(303);
		assertThat(approved.headers().firstValue("Location")).hasValue("https://shop.example/kyc/done?order=7");
		assertThat(this.standIn.sessions().find(id).orElseThrow().status()).isEqualTo("APPROVED");
		assertThat(StandInClients.send(HttpRequest.newBuilder(page).build()).body()).contains("APPROVED");
		assertThat(this.standIn.journal().requests((request) -> request.path().startsWith("/verify/")))
			.extracting(RecordedRequest::signature)
			.containsOnly(SignatureVerdict.NOT_REQUIRED);
	}

	@Test
	void pageRejectsAndShowsTheOutcomeWithoutCallbackUrl() {
		UUID id = create("{}");
		HttpResponse<String> rejected = StandInClients.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.standIn.port() + "/verify/" + id + "/reject"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("reason=face_mismatch"))
			.build());
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body()).contains("REJECTED");
		assertThat(this.standIn.sessions().find(id).orElseThrow().rejectionReason()).isEqualTo("face_mismatch");
		assertThat(this.standIn.journal().awaitWebhooks(1, WAIT)).singleElement().satisfies((webhook) -> {
			assertThat(webhook.type()).isEqualTo("kyc.failed");
			assertThat(webhook.body()).contains("\"failureReason\":\"face_mismatch\"");
		});
	}

	@Test
	void approvalSendsASignedKycCompletedWebhook() {
		UUID id = create("{\"customerId\":\"user_42\"}");
		this.standIn.sessions().approve(id);
		RecordedWebhook sent = this.standIn.journal().awaitWebhooks(1, WAIT).get(0);
		assertThat(sent.delivered()).isTrue();
		assertThat(sent.sessionId()).isEqualTo(id);
		WebhookReceiver.Delivery delivery = this.receiver.deliveries().get(0);
		assertThat(new WebhookVerifier("whsec_flow")
			.verify(delivery.body(), delivery.headers().get(WebhookVerifier.SIGNATURE_HEADER))
			.verified()).isTrue();
		assertThat(new WebhookVerifier("whsec_other")
			.verify(delivery.body(), delivery.headers().get(WebhookVerifier.SIGNATURE_HEADER))
			.verified()).isFalse();
		assertThat(delivery.headers()).containsEntry("User-Agent", WebhookSigner.USER_AGENT)
			.containsEntry(WebhookSigner.ID_HEADER, sent.deliveryId())
			.containsKey(WebhookSigner.TIMESTAMP_HEADER);
		assertThat(delivery.text()).startsWith("{\"id\":\"" + sent.eventId() + "\",\"type\":\"kyc.completed\"")
			.contains("\"data\":{\"session\":{\"id\":\"" + id + "\"", "\"status\":\"completed\"",
					"\"userId\":\"user_42\"");
	}

	@Test
	void eventEnvelopeCarriesTheSessionAsDataAndTheRetryCount() {
		this.standIn.webhooks().envelope(WebhookEnvelope.EVENT);
		this.receiver.answer(500);
		UUID id = create("{}");
		this.standIn.sessions().approve(id);
		this.standIn.journal().awaitWebhooks(RecordedWebhook::delivered, 1, WAIT);
		List<WebhookReceiver.Delivery> deliveries = this.receiver.deliveries();
		assertThat(deliveries).hasSize(2);
		assertThat(deliveries.get(0).text()).contains("\"event\":\"kyc.completed\"", "\"data\":{\"id\":\"" + id,
				"\"retryCount\":0");
		assertThat(deliveries.get(1).text()).contains("\"retryCount\":1");
	}

	@Test
	void non2xxAnswerIsRedeliveredWithBackoffUntilAccepted() {
		this.receiver.answer(500, 503);
		UUID id = create("{}");
		this.standIn.sessions().approve(id);
		List<RecordedWebhook> attempts = this.standIn.journal().awaitWebhooks(3, WAIT);
		assertThat(attempts).extracting(RecordedWebhook::attempt).containsExactly(1, 2, 3);
		assertThat(attempts).extracting(RecordedWebhook::status).containsExactly(500, 503, 200);
		assertThat(attempts).extracting(RecordedWebhook::eventId).containsOnly(attempts.get(0).eventId());
		assertThat(attempts.get(1).deliveryId()).isNotEqualTo(attempts.get(0).deliveryId());
		assertThat(Duration.between(attempts.get(0).sentAt(), attempts.get(2).sentAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void redeliveryStopsAfterTheLastAttemptAndConnectionErrorsAreRecorded() {
		this.standIn.webhooks().url(URI.create("http://127.0.0.1:1/nobody")).retries(2, Duration.ofMillis(10));
		this.standIn.sessions().approve(create("{}"));
		List<RecordedWebhook> attempts = this.standIn.journal().awaitWebhooks(2, WAIT);
		assertThat(attempts).allSatisfy((attempt) -> {
			assertThat(attempt.status()).isNull();
			assertThat(attempt.error()).isNotBlank();
		});
		assertThat(this.standIn.journal().webhooks()).hasSize(2);
	}

	@Test
	void deliversTwiceWhenAsked() {
		this.standIn.webhooks().deliverTwice(true);
		this.standIn.sessions().approve(create("{}"));
		List<RecordedWebhook> sent = this.standIn.journal().awaitWebhooks(2, WAIT);
		assertThat(sent).extracting(RecordedWebhook::eventId).containsOnly(sent.get(0).eventId());
		assertThat(sent).extracting(RecordedWebhook::deliveryId).doesNotHaveDuplicates();
	}

	@Test
	void deliversOutOfOrderWhenAsked() {
		this.standIn.webhooks().deliverOutOfOrder(true);
		UUID first = create("{}");
		UUID second = create("{}");
		this.standIn.sessions().approve(first);
		this.standIn.sessions().reject(second, "document_expired");
		this.standIn.journal().awaitWebhooks(2, WAIT);
		assertThat(this.receiver.deliveries().get(0).text()).contains("kyc.failed", second.toString());
		assertThat(this.receiver.deliveries().get(1).text()).contains("kyc.completed", first.toString());
	}

	@Test
	void starterReceiverTakesBothEnvelopesAndDropsTheDuplicate() {
		this.standIn.webhooks().deliverTwice(true);
		UUID approved = create("{\"customerId\":\"user_7\"}");
		this.standIn.sessions().approve(approved);
		this.standIn.journal().awaitWebhooks(2, WAIT);
		this.standIn.webhooks().deliverTwice(false).envelope(WebhookEnvelope.EVENT);
		UUID rejected = create("{}");
		this.standIn.sessions().reject(rejected, "document_expired");
		this.standIn.journal().awaitWebhooks(3, WAIT);
		LoveandpayWebhookReceiver starter = new LoveandpayWebhookReceiver(new WebhookVerifier("whsec_flow"),
				new InMemoryWebhookDeduplicationStore(100, Clock.systemUTC()),
				LoveandpayWebhookReceiver.Limits.defaults(), Clock.systemUTC());
		List<LoveandpayWebhookEvent> events = new ArrayList<>();
		List<WebhookOutcome> outcomes = this.receiver.deliveries()
			.stream()
			.map((delivery) -> starter.receive(delivery.body(),
					delivery.headers().get(WebhookVerifier.SIGNATURE_HEADER),
					delivery.headers().get(WebhookSigner.ID_HEADER),
					delivery.headers().get(WebhookSigner.TIMESTAMP_HEADER), events::add))
			.toList();
		assertThat(outcomes).containsExactly(WebhookOutcome.DELIVERED, WebhookOutcome.DUPLICATE,
				WebhookOutcome.DELIVERED);
		assertThat(events).hasSize(2).allSatisfy((event) -> assertThat(event).isInstanceOf(KycWebhookEvent.class));
		KycWebhookEvent completed = (KycWebhookEvent) events.get(0);
		assertThat(completed.isCompleted()).isTrue();
		assertThat(completed.session().id()).isEqualTo(approved.toString());
		assertThat(completed.session().customerId()).isEqualTo("user_7");
		assertThat(completed.session().verifiedData()).isNotNull();
		KycWebhookEvent failed = (KycWebhookEvent) events.get(1);
		assertThat(failed.isFailed()).isTrue();
		assertThat(failed.session().id()).isEqualTo(rejected.toString());
		assertThat(failed.session().failureReason()).isEqualTo("document_expired");
	}

	@Test
	void awaitingWebhooksThatNeverComeFailsInTime() {
		this.standIn.webhookUrl(null);
		this.standIn.sessions().approve(create("{}"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.standIn.journal().awaitWebhooks(1, Duration.ofMillis(200)))
			.withMessageContaining("saw 0");
		assertThat(this.receiver.deliveries()).isEmpty();
	}

	@Test
	void approvingTwiceIsRefused() {
		UUID id = create("{}");
		this.standIn.sessions().approve(id);
		assertThatIllegalStateException().isThrownBy(() -> this.standIn.sessions().reject(id, "late"));
	}

	@Test
	void expiredSessionShowsItsStatusTakesNoAnswerAndSendsNoWebhook() {
		UUID id = create("{\"callbackUrl\":\"https://shop.example/kyc/done\"}");
		StandInSession expired = this.standIn.sessions().expire(id);
		assertThat(expired.status()).isEqualTo("EXPIRED");
		assertThat(expired.expiresAt()).isEqualTo(expired.completedAt());
		HttpResponse<String> read = StandInClients.send(
				StandInClients
					.signed(this.standIn, this.standIn.secretKey(), "GET", "/api/v2/kyc/sessions/" + id, "",
							System.currentTimeMillis())
					.build());
		assertThat(read.body()).contains("\"status\":\"EXPIRED\"", "\"verification\":null");
		URI page = URI.create("http://127.0.0.1:" + this.standIn.port() + "/verify/" + id);
		HttpResponse<String> shown = StandInClients.send(HttpRequest.newBuilder(page).build());
		assertThat(shown.body()).contains("data-status=\"EXPIRED\"").doesNotContain("/approve");
		HttpResponse<String> late = StandInClients.send(HttpRequest.newBuilder(URI.create(page + "/approve"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(late.statusCode()).isEqualTo(409);
		assertThatIllegalStateException().isThrownBy(() -> this.standIn.sessions().expire(id));
		assertThatIllegalStateException().isThrownBy(() -> this.standIn.sessions().approve(id));
		assertThat(this.standIn.journal().webhooks()).isEmpty();
	}

	@Test
	void openSessionsExpireAtTheEndOfTheirLifetime() {
		try (LoveandpayStandIn shortLived = LoveandpayStandIn.builder()
			.sessionLifetime(Duration.ofMillis(300))
			.noRateLimits()
			.start()) {
			HttpResponse<String> created = StandInClients.send(
					StandInClients
						.signed(shortLived, shortLived.secretKey(), "POST", "/api/v2/kyc/sessions", "{}",
								System.currentTimeMillis())
						.build());
			assertThat(created.statusCode()).isEqualTo(200);
			StandInSession session = shortLived.sessions().all().get(0);
			assertThat(Duration.between(session.createdAt(), session.expiresAt())).isEqualTo(Duration.ofMillis(300));
			assertThat(session.status()).isEqualTo("NOT_STARTED");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(shortLived.sessions().find(session.id()).orElseThrow().status())
					.isEqualTo("EXPIRED"));
			assertThat(shortLived.sessions().all()).extracting(StandInSession::status).containsExactly("EXPIRED");
			assertThatIllegalStateException().isThrownBy(() -> shortLived.sessions().approve(session.id()));
		}
	}

	@Test
	void resetForgetsSessionsAndJournal() {
		UUID id = create("{}");
		this.standIn.faults().onGet().failNext(3, 503);
		this.standIn.reset();
		assertThat(this.standIn.sessions().find(id)).isEmpty();
		assertThat(this.standIn.journal().requests()).isEmpty();
		assertThat(this.standIn.faults().onGet().remaining()).isZero();
	}

	private UUID create(String body) {
		HttpResponse<String> answer = StandInClients.send(
				StandInClients
					.signed(this.standIn, this.standIn.secretKey(), "POST", "/api/v2/kyc/sessions", body,
							System.currentTimeMillis())
					.build());
		assertThat(answer.statusCode()).isEqualTo(200);
		return this.standIn.sessions().all().get(0).id();
	}

	private static WebhookReceiver newReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
