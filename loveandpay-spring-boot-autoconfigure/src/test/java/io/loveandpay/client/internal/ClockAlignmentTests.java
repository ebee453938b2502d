package io.loveandpay.client.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.TestClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.LoveandpayAuthenticationException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that the clock is aligned with the provider's {@code Date} only when the answer
 * came over https or from a loopback stand-in.
 */
class ClockAlignmentTests {

	private static final String EXPIRED = "{\"success\":false,\"error\":{\"code\":\"TIMESTAMP_EXPIRED\"}}";

	private static final Duration PROVIDER_AHEAD = Duration.ofMinutes(10);

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	@Test
	void resetForgetsTheMeasuredOffset() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		LoveandpayClockSkew skew = new LoveandpayClockSkew(Clock.fixed(now, ZoneOffset.UTC));
		assertThat(skew.align(now.plus(Duration.ofMinutes(8)))).isTrue();
		assertThat(skew.clock().instant()).isEqualTo(now.plus(Duration.ofMinutes(8)));
		skew.reset();
		assertThat(skew.offset()).isZero();
		assertThat(skew.clock().instant()).isEqualTo(now);
	}

	@Test
	void dateOfAnAnswerOverPlainHttpFromAnotherHostIsIgnored() {
		LoveandpayClockSkew skew = refusedBy("http://api.prod.loveandpay.io/api/v2");
		assertThat(skew.offset()).isZero();
	}

	@Test
	void dateOfAnAnswerOverHttpsIsTaken() {
		LoveandpayClockSkew skew = refusedBy("https://api.prod.loveandpay.io/api/v2");
		assertThat(skew.offset()).isBetween(PROVIDER_AHEAD.minusMinutes(1), PROVIDER_AHEAD.plusMinutes(1));
	}

	@Test
	void dateOfAnAnswerFromALoopbackStandInIsTaken() {
		server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withHeader("Date", providerDate())
			.withBody(EXPIRED)));
		LoveandpayClockSkew skew = new LoveandpayClockSkew(Clock.systemUTC());
		LoveandpayApiClient client = TestClients.apiClient(server.baseUrl(), skew,
				TestClients.noRetries(Duration.ofSeconds(5)));
		assertThat(call(client)).isInstanceOf(LoveandpayAuthenticationException.class);
		assertThat(skew.offset()).isBetween(PROVIDER_AHEAD.minusMinutes(1), PROVIDER_AHEAD.plusMinutes(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/api/v2", "http://127.0.0.1/api/v2", "http://127.1.2.3:9/api/v2",
			"http://[::1]:8080/api/v2", "https://api.prod.loveandpay.io/api/v2" })
	void trustsTheDateOfHttpsAndLoopbackAnswers(String url) {
		assertThat(ApiErrors.trustsDateFrom(URI.create(url))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.prod.loveandpay.io/api/v2", "http://127.evil.example/api/v2",
			"http://127.0.0.1.nip.io/api/v2", "http://localhost.evil.example/api/v2", "http://10.0.0.1/api/v2",
			"http://127.0.0.256/api/v2", "/api/v2" })
	void doesNotTrustTheDateOfOtherAnswers(String url) {
		assertThat(ApiErrors.trustsDateFrom(URI.create(url))).isFalse();
	}

	private static LoveandpayClockSkew refusedBy(String baseUrl) {
		LoveandpayClockSkew skew = new LoveandpayClockSkew(Clock.systemUTC());
		WebClient webClient = WebClient.builder()
			.baseUrl(baseUrl)
			.exchangeFunction((request) -> Mono.just(ClientResponse.create(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.header(HttpHeaders.DATE, providerDate())
				.body(EXPIRED)
				.request(new MockClientHttpRequest(HttpMethod.GET, request.url()))
				.build()))
			.filter(TestClients.signingFilter(skew.clock()))
			.build();
		LoveandpayApiClient client = LoveandpayApiClient.builder(webClient)
			.baseUrl(URI.create(baseUrl))
			.clockSkew(skew)
			.policy(TestClients.noRetries(Duration.ofSeconds(5)))
			.build();
		assertThat(call(client)).isInstanceOf(LoveandpayAuthenticationException.class);
		return skew;
	}

	private static Throwable call(LoveandpayApiClient client) {
		return catchThrowable(() -> client.exchange(LoveandpayCall.get("getThing", "/things/1").build(), Answer.class)
			.block(Duration.ofSeconds(20)));
	}

	private static String providerDate() {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(PROVIDER_AHEAD));
	}

	record Answer(@Nullable Boolean success, @Nullable JsonNode error) implements ProviderAnswer {

	}

}
