package io.loveandpay.testsupport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import reactor.netty.http.client.HttpClient;

import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCallPolicy;
import io.loveandpay.client.internal.LoveandpayClockSkew;

/**
 * Builds clients wired the way the auto-configuration wires them, for tests of one layer.
 */
public final class TestClients {

	public static final String API_KEY = "pk_test_51HqLyjWDarjtT1zdp7dc";

	public static final String SECRET_KEY = "sk_test_canary_4f1d2b8e9c7a6b5d";

	private TestClients() {
	}

	public static WebClient.Builder webClientBuilder(String baseUrl) {
		return webClientBuilder(baseUrl, Duration.ofSeconds(10));
	}

	public static WebClient.Builder webClientBuilder(String baseUrl, Duration responseTimeout) {
		HttpClient httpClient = HttpClient.create().disableRetry(true).responseTimeout(responseTimeout);
		return WebClient.builder()
			.baseUrl(baseUrl + "/api/v2")
			.clientConnector(new ReactorClientHttpConnector(httpClient));
	}

	public static LoveandpaySigningFilter signingFilter(Clock clock) {
		return new LoveandpaySigningFilter(API_KEY, new HmacSha256RequestSigner(SECRET_KEY), clock);
	}

	public static LoveandpayCallPolicy noRetries(Duration attemptTimeout) {
		return new LoveandpayCallPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(5), attemptTimeout,
				attemptTimeout.multipliedBy(3));
	}

	public static LoveandpayApiClient apiClient(String baseUrl, Clock clock) {
		return apiClient(baseUrl, clock, Duration.ofSeconds(10));
	}

	public static LoveandpayApiClient apiClient(String baseUrl, Clock clock, Duration responseTimeout) {
		return apiClient(baseUrl, new LoveandpayClockSkew(clock), noRetries(responseTimeout));
	}

	public static LoveandpayApiClient apiClient(String baseUrl, LoveandpayClockSkew skew, LoveandpayCallPolicy policy) {
		return LoveandpayApiClient
			.builder(webClientBuilder(baseUrl, policy.attemptTimeout()).filter(signingFilter(skew.clock())).build())
			.baseUrl(URI.create(baseUrl + "/api/v2"))
			.policy(policy)
			.clockSkew(skew)
			.build();
	}

	public static LoveandpayApiClient apiClient(WebClient.Builder builder, LoveandpayClockSkew skew,
			LoveandpayCallPolicy policy) {
		return LoveandpayApiClient.builder(builder.filter(signingFilter(skew.clock())).build())
			.policy(policy)
			.clockSkew(skew)
			.build();
	}

}
