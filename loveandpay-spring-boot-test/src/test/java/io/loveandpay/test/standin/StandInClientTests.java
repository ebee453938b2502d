package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycLanguage;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionPage;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.kyc.KycStatus;
import io.loveandpay.test.junit.LoveandpayStandInExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link LoveandpayStandIn} driven by the starter's own client.
 */
@ExtendWith(LoveandpayStandInExtension.class)
class StandInClientTests {

	private static final String SESSIONS = "/api/v2/kyc/sessions";

	private final LoveandpayStandIn standIn;

	StandInClientTests(LoveandpayStandIn standIn) {
		this.standIn = standIn;
	}

	@Test
	void createGetAndApproveThroughTheClient() {
		withClient((kyc) -> {
			KycSession created = kyc.createSession(CreateKycSessionRequest.builder()
				.customerEmail("client@example.com")
				.customerId("user_42")
				.language(KycLanguage.EN)
				.build());
			assertThat(created.status()).isEqualTo(KycStatus.NOT_STARTED);
			assertThat(created.verificationUrl())
				.isEqualTo(URI.create("http://127.0.0.1:" + this.standIn.port() + "/verify/" + created.id()));
			assertThat(created.expiresAt()).isEqualTo(created.createdAt().plus(Duration.ofMinutes(30)));
			this.standIn.sessions().approve(created.id());
			KycSession approved = kyc.getSession(created.id());
			assertThat(approved.status()).isEqualTo(KycStatus.APPROVED);
			assertThat(approved.verification()).isNotNull();
			assertThat(approved.customerId()).isEqualTo("user_42");
			assertThat(this.standIn.journal().requests()).extracting(RecordedRequest::signature)
				.containsOnly(SignatureVerdict.VALID);
		});
	}

	@Test
	void listPagesNewestFirstAndFiltersByStatus() {
		withClient((kyc) -> {
			for (int i = 0; i < 5; i++) {
				kyc.createSession(CreateKycSessionRequest.builder().customerId("c" + i).build());
			}
			List<StandInSession> all = this.standIn.sessions().all();
			this.standIn.sessions().approve(all.get(1).id());
			this.standIn.sessions().reject(all.get(2).id(), "document_expired");
			KycSessionPage first = kyc.listSessions(KycSessionQuery.builder().limit(2).build());
			assertThat(first.total()).isEqualTo(5);
			assertThat(first.pages()).isEqualTo(3);
			assertThat(first.items()).extracting(KycSession::id).containsExactly(all.get(0).id(), all.get(1).id());
			assertThat(first.items()).allSatisfy((item) -> {
				assertThat(item.verificationUrl()).isNull();
				assertThat(item.expiresAt()).isNull();
			});
			KycSessionPage last = kyc.listSessions(KycSessionQuery.builder().limit(2).offset(4).build());
			assertThat(last.items()).extracting(KycSession::id).containsExactly(all.get(4).id());
			KycSessionPage approved = kyc.listSessions(KycSessionQuery.builder().status(KycStatus.APPROVED).build());
			assertThat(approved.items()).extracting(KycSession::id).containsExactly(all.get(1).id());
			assertThat(approved.items().get(0).verification()).isNotNull();
			assertThat(kyc.streamSessions(KycSessionQuery.builder().limit(2).build()).map(KycSession::id).toList())
				.containsExactlyElementsOf(all.stream().map(StandInSession::id).toList());
			assertThat(this.standIn.journal()
				.requests((request) -> request.query() != null && request.query().contains("status=APPROVED")))
				.hasSize(1);
		});
	}

	@Test
	void scripted503IsRetriedOnAReadAndNotOnACreate() {
		withClient((kyc) -> {
			UUID id = kyc.createSession(CreateKycSessionRequest.builder().build()).id();
			this.standIn.journal().clear();
			this.standIn.faults().onGet().failNext(1, 503);
			assertThat(kyc.getSession(id).id()).isEqualTo(id);
			assertThat(this.standIn.journal().requests("GET", SESSIONS + "/" + id)).extracting(RecordedRequest::status)
				.containsExactly(503, 200);
			this.standIn.faults().onCreate().failNext(1, 503);
			assertThatExceptionOfType(LoveandpayServerException.class)
				.isThrownBy(() -> kyc.createSession(CreateKycSessionRequest.builder().build()))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
			assertThat(this.standIn.journal().requests("POST", SESSIONS)).extracting(RecordedRequest::status)
				.containsExactly(503);
			assertThat(this.standIn.sessions().count()).isOne();
		});
	}

	@Test
	void scriptedLostAnswerOnCreateIsRecoveredFromTheNewestSessions() {
		withClient((kyc) -> {
			this.standIn.faults().onCreate().loseAnswerAfterCreating();
			KycSession recovered = kyc.createSession(CreateKycSessionRequest.builder().customerId("lost").build());
			assertThat(this.standIn.sessions().all()).singleElement()
				.satisfies((session) -> assertThat(session.customerId()).isEqualTo("lost"))
				.satisfies((session) -> assertThat(recovered.id()).isEqualTo(session.id()));
			assertThat(recovered.verificationUrl()).isNotNull();
			assertThat(this.standIn.journal().requests())
				.extracting((request) -> request.method() + " " + request.path())
				.containsExactly("POST " + SESSIONS, "GET " + SESSIONS, "GET " + SESSIONS + "/" + recovered.id());
			assertThat(this.standIn.journal().requests().get(0).answerLost()).isTrue();
		});
	}

	@Test
	void scriptedLostAnswerOnCreateWithoutCustomerIdIsAnUnknownOutcomeWhileTheSessionExists() {
		withClient((kyc) -> {
			this.standIn.faults().onCreate().loseAnswerAfterCreating();
			assertThatExceptionOfType(LoveandpayOutcomeUnknownException.class)
				.isThrownBy(() -> kyc.createSession(CreateKycSessionRequest.builder().build()));
			assertThat(this.standIn.journal().requests()).singleElement()
				.satisfies((request) -> assertThat(request.answerLost()).isTrue());
			assertThat(this.standIn.sessions().all()).hasSize(1);
		});
	}

	@Test
	void scriptedResetOnAReadIsRetried() {
		withClient((kyc) -> {
			UUID id = kyc.createSession(CreateKycSessionRequest.builder().build()).id();
			this.standIn.faults().onSession(id).resetConnection();
			assertThat(kyc.getSession(id).id()).isEqualTo(id);
			assertThat(this.standIn.journal().requests("GET", SESSIONS + "/" + id))
				.extracting(RecordedRequest::answerLost)
				.containsExactly(true, false);
		});
	}

	@Test
	void scripted429WithRetryAfterIsHonouredOnARead() {
		withClient((kyc) -> {
			this.standIn.faults().onList().rateLimitNext(1, Duration.ofSeconds(1));
			long start = System.nanoTime();
			kyc.listSessions(KycSessionQuery.all());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
			assertThat(this.standIn.journal().requests("GET", SESSIONS)).extracting(RecordedRequest::status)
				.containsExactly(429, 200);
		});
	}

	@Test
	void scriptedDelayHoldsTheAnswer() {
		withClient((kyc) -> {
			UUID id = kyc.createSession(CreateKycSessionRequest.builder().build()).id();
			this.standIn.faults().onGet().delay(Duration.ofMillis(400));
			long start = System.nanoTime();
			kyc.getSession(id);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			start = System.nanoTime();
			kyc.getSession(id);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
		});
	}

	@Test
	void undocumentedStatusAndFieldDecode() {
		withClient((kyc) -> {
			UUID id = kyc.createSession(CreateKycSessionRequest.builder().build()).id();
			this.standIn.faults().onGet().undocumentedStatus("MANUAL_REVIEW").extraField("riskScore", 0.4);
			KycSession review = kyc.getSession(id);
			assertThat(review.status().value()).isEqualTo("MANUAL_REVIEW");
			assertThat(review.status().isKnown()).isFalse();
			KycSession withField = kyc.getSession(id);
			assertThat(withField.status()).isEqualTo(KycStatus.NOT_STARTED);
			assertThat(this.standIn.sessions().find(id).orElseThrow().status()).isEqualTo("NOT_STARTED");
		});
	}

	@Test
	void clientCorrectsItsClockFromTheDateHeader() {
		withClient((kyc) -> {
			this.standIn.faults().clockOffset(Duration.ofMinutes(8));
			try {
				kyc.listSessions(KycSessionQuery.all());
			}
			catch (RuntimeException ex) {
				// the refused call may fail; the next one is signed with the corrected
				// time
			}
			kyc.listSessions(KycSessionQuery.all());
			assertThat(this.standIn.journal().requests("GET", SESSIONS)).extracting(RecordedRequest::status)
				.startsWith(401)
				.endsWith(200);
		});
	}

	private void withClient(Consumer<BlockingKycSessionService> test) {
		StandInClients.runner(this.standIn)
			.run((context) -> test.accept(context.getBean(KycSessionService.class).blocking()));
	}

}
