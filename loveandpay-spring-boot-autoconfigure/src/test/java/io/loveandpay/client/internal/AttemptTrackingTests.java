package io.loveandpay.client.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.TestClients;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayTransportException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that a create is sent again only when it provably never left the machine, however
 * the application's filters sit around the signing filter: the client's write tracker is
 * always next to the connector.
 */
class AttemptTrackingTests {

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final AtomicInteger attempts = new AtomicInteger();

	@ParameterizedTest
	@EnumSource(Arrangement.class)
	void createThatNeverLeftIsRetriedWithinTheBudget(Arrangement arrangement) throws IOException {
		LoveandpayApiClient client = client("http://127.0.0.1:" + closedPort(), arrangement);
		assertThatExceptionOfType(LoveandpayTransportException.class).isThrownBy(() -> create(client))
			.isNotInstanceOf(LoveandpayOutcomeUnknownException.class);
		assertThat(this.attempts).as("nothing was sent, so the create may be sent again").hasValue(3);
	}

	@ParameterizedTest
	@EnumSource(Arrangement.class)
	void createThatWasWrittenIsNeverSentAgain(Arrangement arrangement) {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		LoveandpayApiClient client = client(server.baseUrl(), arrangement);
		assertThatExceptionOfType(LoveandpayOutcomeUnknownException.class).isThrownBy(() -> create(client));
		assertThat(this.attempts).hasValue(1);
		assertThat(Received.requests(server)).hasSize(1);
	}

	private void create(LoveandpayApiClient client) {
		client.exchange(LoveandpayCall.post("createThing", "/things", Map.of("name", "x")).build(), Answer.class)
			.block(WAIT);
	}

	private LoveandpayApiClient client(String baseUrl, Arrangement arrangement) {
		Clock clock = Clock.systemUTC();
		LoveandpayCallPolicy policy = new LoveandpayCallPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
				Duration.ofSeconds(5), Duration.ofSeconds(15));
		ExchangeFilterFunction counting = (request, next) -> {
			this.attempts.incrementAndGet();
			return next.exchange(request);
		};
		WebClient.Builder builder = TestClients.webClientBuilder(baseUrl).filter(counting);
		if (arrangement == Arrangement.OTHER_SIGNING) {
			builder.filter((request, next) -> next
				.exchange(ClientRequest.from(request).header("x-api-key", TestClients.API_KEY).build()));
		}
		else {
			builder.filter(TestClients.signingFilter(clock));
		}
		if (arrangement == Arrangement.FILTER_AFTER_SIGNING) {
			builder.filter((request, next) -> next.exchange(request));
		}
		return LoveandpayApiClient.builder(builder.build())
			.policy(policy)
			.clockSkew(new LoveandpayClockSkew(clock))
			.build();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	enum Arrangement {

		/** As auto-configured: the signing filter is the application's innermost. */
		SIGNING_INNERMOST,

		/** A filter after the signing filter. */
		FILTER_AFTER_SIGNING,

		/** Requests signed some other way. */
		OTHER_SIGNING

	}

	record Answer(@Nullable Boolean success, @Nullable JsonNode error,
			@Nullable String name) implements ProviderAnswer {

	}

}
