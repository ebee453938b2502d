package io.loveandpay.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoveandpaySigningFilter} against a real server: every signature is
 * recomputed from the request as the server received it.
 */
class LoveandpaySigningFilterTests {

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock(80);

	private final Clock clock = Clock.systemUTC();

	private WebClient client(ExchangeFilterFunction... outerFilters) {
		WebClient.Builder builder = TestClients.webClientBuilder(server.baseUrl());
		for (ExchangeFilterFunction filter : outerFilters) {
			builder.filter(filter);
		}
		return builder.filter(TestClients.signingFilter(this.clock)).build();
	}

	private static void stubOk() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":true}")));
	}

	private static List<LoggedRequest> received() {
		return Received.requests(server);
	}

	@Test
	void signsGetOverRawPathWithoutQuery() {
		stubOk();
		client().get()
			.uri("/kyc/sessions?status={status}&limit=50", "APPROVED")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
		LoggedRequest request = received().get(0);
		assertThat(request.getUrl()).isEqualTo("/api/v2/kyc/sessions?status=APPROVED&limit=50");
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void signsGetWithTheSpecVectorWhenClockAndSecretAreTheSpecs() {
		stubOk();
		Clock fixed = Clock.fixed(Instant.ofEpochMilli(1706012345678L), ZoneOffset.UTC);
		WebClient client = TestClients.webClientBuilder(server.baseUrl())
			.filter(new LoveandpaySigningFilter(TestClients.API_KEY, new HmacSha256RequestSigner("sk_test_xyz"), fixed))
			.build();
		client.get()
			.uri("/kyc/sessions/550e8400-e29b-41d4-a716-446655440000")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
		LoggedRequest request = received().get(0);
		assertThat(request.getHeader("x-timestamp")).isEqualTo("1706012345678");
		assertThat(request.getHeader("x-signature"))
			.isEqualTo("83e6d54eee8120acc66ff387f6f49a214944d514a76cb970b80691cdfc1ca34c");
	}

	@Test
	void signsPostOverTheCyrillicBytesSent() {
		stubOk();
		client().post()
			.uri("/kyc/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customerId", "Иван Петров", "note", "ё ж Қ"))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
		LoggedRequest request = received().get(0);
		assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).contains("Иван Петров");
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void signsBodyWrittenInSeveralBuffersAsOneWhole() {
		stubOk();
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> body = Flux.just("{\"customer", "Id\":\"Анна\"", "}")
			.map((part) -> buffers.wrap(part.getBytes(StandardCharsets.UTF_8)));
		client().post()
			.uri("/kyc/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(body))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
		LoggedRequest request = received().get(0);
		assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"customerId\":\"Анна\"}");
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void signsTheFinalUrlAndBodyAfterOtherFiltersChangedThem() {
		stubOk();
		ExchangeFilterFunction rewrite = (request,
				next) -> next.exchange(ClientRequest.from(request)
					.url(UriComponentsBuilder.fromUri(request.url())
						.replacePath("/api/v2/kyc/sessions/rewritten")
						.build()
						.toUri())
					.body(BodyInserters.fromValue("{\"rewritten\":true}"))
					.build());
		client(rewrite).post()
			.uri("/kyc/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"original\":true}")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
		LoggedRequest request = received().get(0);
		assertThat(request.getUrl()).isEqualTo("/api/v2/kyc/sessions/rewritten");
		assertThat(request.getBodyAsString()).isEqualTo("{\"rewritten\":true}");
		SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	@Test
	void signsEveryAttemptAfreshWithANewTimestamp() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		AtomicLong millis = new AtomicLong(1706012345678L);
		Clock ticking = new Clock() {

			@Override
			public Instant instant() {
				return Instant.ofEpochMilli(millis.getAndAdd(1000));
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		};
		WebClient client = TestClients.webClientBuilder(server.baseUrl())
			.filter(new LoveandpaySigningFilter(TestClients.API_KEY,
					new HmacSha256RequestSigner(TestClients.SECRET_KEY), ticking))
			.build();
		client.get()
			.uri("/kyc/sessions")
			.retrieve()
			.toBodilessEntity()
			.retry(2)
			.onErrorResume((ex) -> Mono.empty())
			.block(Duration.ofSeconds(10));
		List<LoggedRequest> requests = received();
		assertThat(requests).hasSize(3);
		assertThat(requests.stream().map((request) -> request.getHeader("x-timestamp")).collect(Collectors.toSet()))
			.hasSize(3);
		requests
			.forEach((request) -> SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY));
	}

	@Test
	void signsThousandRequestsOnSixtyFourConcurrentSubscribersAllValidly() {
		stubOk();
		WebClient client = client();
		Long done = Flux.range(0, 1000).flatMap((i) -> {
			if (i % 2 == 0) {
				return client.get().uri("/kyc/sessions/{id}", "id-" + i).retrieve().toBodilessEntity();
			}
			return client.post()
				.uri("/kyc/sessions")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"customerId\":\"клиент-" + i + "\"}")
				.retrieve()
				.toBodilessEntity();
		}, 64).count().block(Duration.ofSeconds(60));
		assertThat(done).isEqualTo(1000);
		List<LoggedRequest> requests = received();
		assertThat(requests).hasSize(1000);
		Set<String> bodies = requests.stream()
			.filter((request) -> request.getMethod().getName().equals("POST"))
			.map(LoggedRequest::getBodyAsString)
			.collect(Collectors.toSet());
		assertThat(bodies).hasSize(500);
		requests
			.forEach((request) -> SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY));
	}

	@Test
	void toStringHidesKeys() {
		assertThat(TestClients.signingFilter(this.clock)).asString()
			.doesNotContain(TestClients.API_KEY)
			.doesNotContain("canary");
	}

}
