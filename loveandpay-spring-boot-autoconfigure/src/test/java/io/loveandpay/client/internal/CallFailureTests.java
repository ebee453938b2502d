package io.loveandpay.client.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.TestClients;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayRequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.client.LoveandpayTransportException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that whatever ends a call ends it with a {@link LoveandpayException}, including
 * what fails between attempts.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallFailureTests {

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void aTimerThatReactorRefusesToScheduleStillEndsTheCallInALoveandpayException() {
		server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		Scheduler shutDown = Schedulers.newSingle("shut-down");
		shutDown.dispose();
		LoveandpayApiClient client = LoveandpayApiClient
			.builder(TestClients.webClientBuilder(server.baseUrl())
				.filter(TestClients.signingFilter(Clock.systemUTC()))
				.build())
			.policy(new LoveandpayCallPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5),
					Duration.ofSeconds(15)))
			.scheduler(shutDown)
			.build();
		for (Throwable failure : getAndCreate(client)) {
			assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
				.isNotInstanceOf(LoveandpayOutcomeUnknownException.class)
				.hasMessageEndingWith("failed: RejectedExecutionException");
		}
	}

	@Test
	void aBodyThatCannotBeWrittenEndsTheCallBeforeAnythingIsSentAndIsNotRetried() {
		List<String> retries = new CopyOnWriteArrayList<>();
		LoveandpayApiClient client = LoveandpayApiClient
			.builder(TestClients.webClientBuilder(server.baseUrl())
				.filter(TestClients.signingFilter(Clock.systemUTC()))
				.build())
			.policy(new LoveandpayCallPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5),
					Duration.ofSeconds(15)))
			.listener(new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					retries.add(reason);
				}

			})
			.build();
		Throwable failure = catchThrowable(() -> client
			.exchange(LoveandpayCall.post("createThing", "/things", new Unwritable()).build(), Answer.class)
			.block(WAIT));
		assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
			.isNotInstanceOf(LoveandpayOutcomeUnknownException.class)
			.hasMessageStartingWith("createThing failed")
			.hasMessageNotContaining("not writable");
		assertThat(retries).as("retries of a body that can never be written").isEmpty();
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void anAnswerOfJsonNullIsAProtocolError() {
		server.stubFor(get(anyUrl())
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("null")));
		LoveandpayApiClient client = TestClients.apiClient(server.baseUrl(), Clock.systemUTC());
		assertThat(catchThrowable(
				() -> client.exchange(LoveandpayCall.get("getThing", "/things/1").build(), Answer.class).block(WAIT)))
			.isInstanceOf(LoveandpayProtocolException.class)
			.hasMessageContaining("expected a JSON object");
	}

	@Test
	void aSignerThatFailsEndsTheCallBeforeAnythingIsSentAndNeverAsOutcomeUnknown(CapturedOutput output) {
		assertFailingSignerLeaksNothing((method, path, timestamp, body) -> {
			throw new IllegalStateException("no key in the vault for " + TestClients.SECRET_KEY);
		}, output);
	}

	@Test
	void aSignerThatThrowsAnErrorEndsTheCallUnsentWithItsMessageWithheld(CapturedOutput output) {
		assertFailingSignerLeaksNothing((method, path, timestamp, body) -> {
			throw new AssertionError("no key in the vault for " + TestClients.SECRET_KEY);
		}, output);
	}

	@Test
	void aSignerThatThrowsACheckedExceptionEndsTheCallUnsentWithItsMessageWithheld(CapturedOutput output) {
		assertFailingSignerLeaksNothing((method, path, timestamp, body) -> {
			throw CallFailureTests
				.<RuntimeException>sneaky(new java.security.InvalidKeyException("bad key " + TestClients.SECRET_KEY));
		}, output);
	}

	private static void assertFailingSignerLeaksNothing(LoveandpayRequestSigner failing, CapturedOutput output) {
		List<Logger> loggers = Stream.of("io.loveandpay", "reactor.netty", "org.springframework.web.reactive")
			.map((name) -> (Logger) LoggerFactory.getLogger(name))
			.toList();
		loggers.forEach((logger) -> logger.setLevel(Level.DEBUG));
		try {
			assertFailingSignerLeaksNothingLoggingAtDebug(failing, output);
		}
		finally {
			loggers.forEach((logger) -> logger.setLevel(null));
		}
	}

	private static void assertFailingSignerLeaksNothingLoggingAtDebug(LoveandpayRequestSigner failing,
			CapturedOutput output) {
		LoveandpayClockSkew skew = new LoveandpayClockSkew(Clock.systemUTC());
		WebClient webClient = TestClients.webClientBuilder(server.baseUrl())
			.filter(new LoveandpaySigningFilter(TestClients.API_KEY, failing, skew.clock()))
			.build();
		LoveandpayApiClient client = LoveandpayApiClient.builder(webClient)
			.policy(TestClients.noRetries(Duration.ofSeconds(5)))
			.clockSkew(skew)
			.build();
		for (Throwable failure : getAndCreate(client)) {
			assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
				.isNotInstanceOf(LoveandpayOutcomeUnknownException.class)
				.hasMessageEndingWith("failed: SigningFailedException");
			Leaks.assertClean(failure);
		}
		assertThat(server.getAllServeEvents()).isEmpty();
		assertThat(Leaks.findIn(output.toString())).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> T sneaky(Throwable failure) throws T {
		throw (T) failure;
	}

	@Test
	void connectionRefusedNamesTheHostAndPortAndTheBaseUrlProperty() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		LoveandpayApiClient client = TestClients.apiClient("http://127.0.0.1:" + port, Clock.systemUTC(),
				Duration.ofSeconds(5));
		for (Throwable failure : getAndCreate(client)) {
			assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
				.hasMessageContaining("127.0.0.1:" + port)
				.hasMessageContaining("loveandpay.base-url");
			Leaks.assertClean(failure);
		}
	}

	@Test
	void unresolvableHostNamesTheHostAndPortAndTheBaseUrlPropertyButNoKeyOrQuery() {
		WebClient webClient = WebClient.builder()
			.baseUrl("https://api.prod.loveandpay.invalid/api/v2")
			.exchangeFunction((request) -> Mono
				.error(new UnknownHostException("Failed to resolve 'api.prod.loveandpay.invalid'")))
			.filter(TestClients.signingFilter(Clock.systemUTC()))
			.build();
		LoveandpayApiClient client = LoveandpayApiClient.builder(webClient)
			.baseUrl(URI.create("https://" + TestClients.API_KEY + ":" + TestClients.SECRET_KEY
					+ "@api.prod.loveandpay.invalid/api/v2?key=" + TestClients.SECRET_KEY))
			.policy(TestClients.noRetries(Duration.ofSeconds(5)))
			.build();
		for (Throwable failure : getAndCreate(client)) {
			assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
				.isNotInstanceOf(LoveandpayOutcomeUnknownException.class)
				.hasMessageContaining("api.prod.loveandpay.invalid:443")
				.hasMessageContaining("loveandpay.base-url")
				.hasMessageNotContaining(TestClients.API_KEY)
				.hasMessageNotContaining("key=");
			Leaks.assertClean(failure);
		}
	}

	/**
	 * Make a read and a create, and return how each failed.
	 */
	private static List<Throwable> getAndCreate(LoveandpayApiClient client) {
		Throwable get = catchThrowable(
				() -> client.exchange(LoveandpayCall.get("getThing", "/things/1").build(), Answer.class).block(WAIT));
		Throwable create = catchThrowable(() -> client
			.exchange(LoveandpayCall.post("createThing", "/things", Map.of("name", "x")).build(), Answer.class)
			.block(WAIT));
		return List.of(get, create);
	}

	/**
	 * A body that Jackson cannot write.
	 */
	static final class Unwritable {

		public String getName() {
			throw new IllegalStateException("not writable");
		}

	}

	record Answer(@Nullable Boolean success, @Nullable JsonNode error,
			@Nullable String name) implements ProviderAnswer {

	}

}
