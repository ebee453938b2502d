package io.loveandpay.test.app;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in is reset before each test method: the first test leaves sessions, a
 * scripted fault, journal entries, a clock offset the client aligned with and a changed
 * webhook URL; the second sees none of them, on the same port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loveandpay.retry.initial-backoff=10ms")
@AutoConfigureLoveandpayStandIn
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandInResetTests {

	private static int firstPort;

	@Autowired
	BlockingKycSessionService kycSessions;

	@Autowired
	LoveandpayStandIn standIn;

	@LocalServerPort
	int serverPort;

	@Test
	@Order(1)
	void leavesState() {
		this.kycSessions.createSession(CreateKycSessionRequest.builder().customerId("customer-1").build());
		this.standIn.faults().clockOffset(Duration.ofMinutes(8));
		this.kycSessions.listSessions(KycSessionQuery.all());
		this.standIn.faults().onGet().failNext(5, 503);
		this.standIn.webhookUrl(URI.create("http://127.0.0.1:9/elsewhere"));
		assertThat(this.standIn.sessions().count()).isOne();
		assertThat(this.standIn.journal().requests()).extracting(RecordedRequest::status)
			.containsExactly(200, 401, 200);
		firstPort = this.standIn.port();
	}

	@Test
	@Order(2)
	void seesNoneOfIt() {
		assertThat(this.standIn.port()).isEqualTo(firstPort);
		assertThat(this.standIn.sessions().count()).isZero();
		assertThat(this.standIn.journal().requests()).isEmpty();
		assertThat(this.standIn.journal().webhooks()).isEmpty();
		assertThat(this.standIn.faults().onGet().remaining()).isZero();
		assertThat(this.standIn.faults().clockOffset()).isZero();
		assertThat(this.standIn.webhooks().url())
			.isEqualTo(URI.create("http://127.0.0.1:" + this.serverPort + "/loveandpay/webhooks"));
		// the clock the client learned from the offset is forgotten too
		this.kycSessions.listSessions(KycSessionQuery.all());
		assertThat(this.standIn.journal().requests()).extracting(RecordedRequest::status).containsExactly(200);
	}

}
