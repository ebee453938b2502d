package io.loveandpay.autoconfigure.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.internal.LoveandpayClockSkew;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.LoveandpayRunners;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the request quota's meters: waits, refusals, store errors and the fallback
 * state.
 */
class QuotaMetricsTests {

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	@Test
	void permitsAndRefusalsOfTheAutoConfiguredClientAreMeasured() {
		server.stubFor(get(urlPathMatching("/api/v2/kyc/sessions/.*"))
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		LoveandpayRunners.onServer(server.baseUrl(), (request, next) -> next.exchange(request))
			.withConfiguration(LoveandpayRunners.metricsAutoConfiguration())
			.withConfiguration(AutoConfigurations.of(LoveandpayMetricsAutoConfiguration.class))
			.withPropertyValues("loveandpay.quota.limits[0].requests=2", "loveandpay.quota.limits[0].period=1h",
					"loveandpay.quota.limits[0].burst=1", "loveandpay.call-timeout=5s")
			.run((context) -> {
				KycSessionService service = context.getBean(KycSessionService.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("loveandpay.client.quota.fallback").gauge().value()).isZero();
				service.getSession(Fixtures.APPROVED_ID).block(Duration.ofSeconds(10));
				Object refused = service.getSession(Fixtures.APPROVED_ID)
					.map(Object.class::cast)
					.onErrorResume(Mono::just)
					.block(Duration.ofSeconds(10));
				assertThat(refused).isInstanceOfSatisfying(LoveandpayRateLimitException.class,
						(limited) -> assertThat(limited.sent()).isFalse());
				Timer waits = registry.get("loveandpay.client.quota.wait").tag("operation", "kyc.sessions.get").timer();
				assertThat(waits.count()).isOne();
				assertThat(registry.get("loveandpay.client.quota.refused")
					.tag("operation", "kyc.sessions.get")
					.counter()
					.count()).isOne();
				assertThat(registry.get("loveandpay.client.requests")
					.tags("outcome", "RATE_LIMITED", "status", "NONE", "error.code", "CLIENT_QUOTA")
					.timer()
					.count()).as("the refusal's observation").isOne();
				assertThat(server.getAllServeEvents()).hasSize(1);
			});
	}

	@Test
	void fallbackStateAndStoreErrorsAreReadFromTheQuota() {
		AtomicReference<LoveandpayRequestQuota.State> state = new AtomicReference<>(
				new LoveandpayRequestQuota.State("redis", null, 0));
		LoveandpayRequestQuota quota = new LoveandpayRequestQuota() {

			@Override
			public Mono<Duration> tryAcquire() {
				return Mono.just(Duration.ZERO);
			}

			@Override
			public Mono<Void> holdBack(Duration wait) {
				return Mono.empty();
			}

			@Override
			public State state() {
				return state.get();
			}

		};
		LoveandpayMetrics metrics = new LoveandpayMetrics(new LoveandpayClockSkew(Clock.systemUTC()), () -> quota);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		assertThat(registry.get("loveandpay.client.quota.fallback").gauge().value()).isZero();
		state.set(new LoveandpayRequestQuota.State("redis", "RedisCommandTimeoutException", 3));
		assertThat(registry.get("loveandpay.client.quota.fallback").gauge().value()).isOne();
		assertThat(registry.get("loveandpay.client.quota.store.errors").functionCounter().count()).isEqualTo(3);
		metrics.permitTaken("kyc.sessions.get", Duration.ofMillis(250));
		assertThat(registry.get("loveandpay.client.quota.wait").timer().totalTime(TimeUnit.MILLISECONDS))
			.isEqualTo(250);
	}

}
