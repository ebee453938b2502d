package io.loveandpay.kyc;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BlockingKycSessionService} against a real server.
 */
class BlockingKycSessionServiceTests {

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private final KycSessionService reactive = KycSessionService
		.create(TestClients.apiClient(server.baseUrl(), Clock.systemUTC()));

	private final BlockingKycSessionService service = this.reactive.blocking();

	@Test
	void blockingIsOneInstance() {
		assertThat(this.reactive.blocking()).isSameAs(this.service);
	}

	@Test
	void getSessionReturnsTheSession() {
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID)
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		assertThat(this.service.getSession(Fixtures.APPROVED_ID).status()).isEqualTo(KycStatus.APPROVED);
	}

	@Test
	void getSessionThrowsTheTypedError() {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.id(3))).willReturn(aResponse()
			.withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"error\":{\"code\":\"MISSING_HEADERS\",\"message\":\"Missing headers\"}}")));
		assertThatExceptionOfType(LoveandpayAuthenticationException.class)
			.isThrownBy(() -> this.service.getSession(Fixtures.id(3)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("MISSING_HEADERS"));
	}

	@Test
	void findSessionWhenNotFoundIsEmpty() {
		server.stubFor(
				get(urlPathEqualTo("/api/v2/kyc/sessions/" + Fixtures.id(4))).willReturn(aResponse().withStatus(404)));
		assertThat(this.service.findSession(Fixtures.id(4))).isEmpty();
	}

	@Test
	void findSessionWhenFoundHasIt() {
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID)
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		Optional<KycSession> found = this.service.findSession(Fixtures.APPROVED_ID);
		assertThat(found).map(KycSession::id).contains(Fixtures.APPROVED_ID);
	}

	@Test
	void createSessionReturnsTheNewSession() {
		server.stubFor(post("/api/v2/kyc/sessions").willReturn(okJson(Fixtures.resource("session-created.json"))));
		KycSession session = this.service
			.createSession(CreateKycSessionRequest.builder().customerId("customer-42").build());
		assertThat(session.status()).isEqualTo(KycStatus.NOT_STARTED);
		assertThat(Received.requests(server)).hasSize(1);
	}

	@Test
	void listSessionsReturnsThePage() {
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions"))
			.willReturn(okJson(Fixtures.page(List.of(Fixtures.id(1)), 1, 50, 0))));
		KycSessionPage page = this.service.listSessions(KycSessionQuery.all());
		assertThat(page.items()).hasSize(1);
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void streamSessionsSendsNothingUntilConsumedAndReadsPagesAsNeeded() {
		stubPage(0, List.of(Fixtures.id(1), Fixtures.id(2)), 6);
		stubPage(2, List.of(Fixtures.id(3), Fixtures.id(4)), 6);
		stubPage(4, List.of(Fixtures.id(5), Fixtures.id(6)), 6);
		try (Stream<KycSession> sessions = this.service.streamSessions(KycSessionQuery.builder().limit(2).build())) {
			assertThat(Received.requests(server)).isEmpty();
			Iterator<KycSession> iterator = sessions.iterator();
			assertThat(iterator.next().id()).isEqualTo(Fixtures.id(1));
			assertThat(iterator.next().id()).isEqualTo(Fixtures.id(2));
			Mono.delay(Duration.ofMillis(300)).block();
			assertThat(Received.requests(server)).as("no page read ahead of the caller").hasSize(1);
			assertThat(iterator.next().id()).isEqualTo(Fixtures.id(3));
			assertThat(Received.requests(server)).hasSize(2);
		}
		assertThat(Received.requests(server)).hasSize(2);
	}

	@Test
	void streamSessionsReadsEverySession() {
		stubPage(0, List.of(Fixtures.id(1), Fixtures.id(2)), 3);
		stubPage(2, List.of(Fixtures.id(3)), 3);
		try (Stream<KycSession> sessions = this.service.streamSessions(KycSessionQuery.builder().limit(2).build())) {
			assertThat(sessions.map(KycSession::id).toList()).containsExactly(Fixtures.id(1), Fixtures.id(2),
					Fixtures.id(3));
		}
	}

	@Test
	void streamSessionsThrowsTheTypedErrorWhenAPageFails() {
		stubPage(0, List.of(Fixtures.id(1)), 2);
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions")).withQueryParam("offset", equalTo("1"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html/>")));
		try (Stream<KycSession> sessions = this.service.streamSessions(KycSessionQuery.builder().limit(1).build())) {
			Iterator<KycSession> iterator = sessions.iterator();
			assertThat(iterator.next().id()).isEqualTo(Fixtures.id(1));
			assertThatExceptionOfType(LoveandpayProtocolException.class).isThrownBy(iterator::next);
		}
	}

	@Test
	void streamSessionsWhenAPageRepeatsTheSessionsAlreadyListedThrowsAProtocolError() {
		for (int offset = 0; offset <= 20; offset += 2) {
			stubPage(offset, List.of(Fixtures.id(1), Fixtures.id(2)), Integer.MAX_VALUE);
		}
		try (Stream<KycSession> sessions = this.service.streamSessions(KycSessionQuery.builder().limit(2).build())) {
			Iterator<KycSession> iterator = sessions.iterator();
			assertThat(iterator.next().id()).isEqualTo(Fixtures.id(1));
			assertThat(iterator.next().id()).isEqualTo(Fixtures.id(2));
			assertThatExceptionOfType(LoveandpayProtocolException.class).isThrownBy(iterator::hasNext)
				.withMessageContaining("already listed");
		}
		assertThat(Received.requests(server)).hasSize(2);
	}

	@Test
	void streamSessionsThatPassesTheFirstTotalByTheMarginThrowsAProtocolError() {
		for (int offset = 0; offset <= 40; offset += 2) {
			stubPage(offset, List.of(Fixtures.id(offset + 1), Fixtures.id(offset + 2)),
					(offset == 0) ? 4 : offset + 10);
		}
		try (Stream<KycSession> sessions = this.service.streamSessions(KycSessionQuery.builder().limit(2).build())) {
			assertThatExceptionOfType(LoveandpayProtocolException.class).isThrownBy(sessions::toList)
				.withMessageContaining("'pagination.total'");
		}
		assertThat(Received.requests(server)).hasSize(4);
	}

	@Test
	void everyMethodOnAnEventLoopThreadIsRefusedAndPointsToTheReactiveMethod() {
		UUID id = Fixtures.APPROVED_ID;
		List<Runnable> calls = List.of(() -> this.service.getSession(id), () -> this.service.findSession(id),
				() -> this.service.createSession(CreateKycSessionRequest.builder().build()),
				() -> this.service.listSessions(KycSessionQuery.all()),
				() -> this.service.streamSessions(KycSessionQuery.all()));
		List<String> names = List.of("getSession", "findSession", "createSession", "listSessions", "streamSessions");
		for (int i = 0; i < calls.size(); i++) {
			Runnable call = calls.get(i);
			Throwable failure = Mono.fromRunnable(call)
				.subscribeOn(Schedulers.parallel())
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just)
				.block(Duration.ofSeconds(5));
			assertThat(failure).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("KycSessionService." + names.get(i))
				.hasMessageContaining("non-blocking thread");
		}
		assertThat(Received.requests(server)).isEmpty();
	}

	@Test
	void streamConsumedOnAnEventLoopThreadIsRefused() {
		Stream<KycSession> sessions = this.service.streamSessions(KycSessionQuery.all());
		Throwable failure = Mono.fromRunnable(sessions::toList)
			.subscribeOn(Schedulers.parallel())
			.then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just)
			.block(Duration.ofSeconds(5));
		assertThat(failure).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("KycSessionService.streamSessions");
		assertThat(Received.requests(server)).isEmpty();
	}

	private static void stubPage(int offset, List<UUID> ids, int total) {
		server.stubFor(
				get(urlPathEqualTo("/api/v2/kyc/sessions")).withQueryParam("offset", equalTo(Integer.toString(offset)))
					.willReturn(okJson(Fixtures.page(ids, total, 2, offset))));
	}

}
