package io.loveandpay.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.quota.LocalRequestQuota;
import io.loveandpay.client.quota.QuotaLimit;
import io.loveandpay.client.quota.RedisRequestQuota;
import io.loveandpay.autoconfigure.health.LoveandpayHealthAutoConfiguration;
import io.loveandpay.testsupport.Checkout;
import io.loveandpay.testsupport.LoveandpayRunners;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configuration of the client's request quota: which quota the client
 * gets, how the limits bind, and how bad limits fail start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayQuotaAutoConfigurationTests {

	private final ApplicationContextRunner runner = LoveandpayRunners.configured(new ApplicationContextRunner())
		.withBean(Checkout.class);

	@Test
	void clientTakesPermitsOfALocalQuotaWithTheAccountsLimitsByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LoveandpayRequestQuota.class);
			LocalRequestQuota quota = context.getBean(LocalRequestQuota.class);
			assertThat(quota.limits()).containsExactly(new QuotaLimit(100, Duration.ofMinutes(1), 10),
					new QuotaLimit(1000, Duration.ofHours(1), 50));
			assertThat(context.getBean(LoveandpayApiClient.class).quota()).isSameAs(quota);
			assertThat(quota.state().store()).isEqualTo("memory");
			assertThat(quota.state().onFallback()).isFalse();
		});
	}

	@Test
	void limitsBindFromPropertiesWithDurationStrings() {
		this.runner
			.withPropertyValues("loveandpay.quota.limits[0].requests=20", "loveandpay.quota.limits[0].period=5s",
					"loveandpay.quota.limits[0].burst=4")
			.run((context) -> assertThat(context.getBean(LocalRequestQuota.class).limits())
				.containsExactly(new QuotaLimit(20, Duration.ofSeconds(5), 4)));
	}

	@Test
	void quotaIsOffWhenDisabled() {
		this.runner.withPropertyValues("loveandpay.quota.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LoveandpayRequestQuota.class);
			assertThat(context.getBean(LoveandpayApiClient.class).quota()).isNull();
		});
	}

	@Test
	void quotaBacksOffForTheApplicationsOwnBean() {
		LoveandpayRequestQuota own = new LoveandpayRequestQuota() {

			@Override
			public Mono<Duration> tryAcquire() {
				return Mono.just(Duration.ZERO);
			}

			@Override
			public Mono<Void> holdBack(Duration wait) {
				return Mono.empty();
			}

		};
		this.runner.withBean(LoveandpayRequestQuota.class, () -> own).run((context) -> {
			assertThat(context).getBean(LoveandpayRequestQuota.class).isSameAs(own);
			assertThat(context.getBean(LoveandpayApiClient.class).quota()).isSameAs(own);
		});
	}

	@Test
	void burstNotBelowRequestsFailsStartUpNamingTheLimit() {
		this.runner
			.withPropertyValues("loveandpay.quota.limits[0].requests=100", "loveandpay.quota.limits[0].period=1m",
					"loveandpay.quota.limits[0].burst=100")
			.run((context) -> {
				assertThat(context).hasFailed();
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.property()).isEqualTo("loveandpay.quota.limits[0].burst");
				FailureAnalysis analysis = new LoveandpayConfigurationFailureAnalyzer(new MockEnvironment())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(
						"loveandpay.quota.limits[0].burst is not at least 1 and less than loveandpay.quota.limits[0].requests");
				assertThat(analysis.getAction()).contains("must not exceed the limit");
			});
	}

	@Test
	void zeroBurstOrMissingPeriodFailsStartUp() {
		this.runner
			.withPropertyValues("loveandpay.quota.limits[0].requests=100", "loveandpay.quota.limits[0].period=1m",
					"loveandpay.quota.limits[0].burst=10", "loveandpay.quota.limits[1].requests=1000",
					"loveandpay.quota.limits[1].burst=50")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.quota.limits[1].period"));
		this.runner
			.withPropertyValues("loveandpay.quota.limits[0].requests=100", "loveandpay.quota.limits[0].period=1m",
					"loveandpay.quota.limits[0].burst=0")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.quota.limits[0].burst"));
	}

	@Test
	void nonPositiveDefaultRetryAfterFailsStartUp() {
		this.runner.withPropertyValues("loveandpay.quota.default-retry-after=0s")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.quota.default-retry-after"));
	}

	@Test
	void withoutBucket4jThereIsNoQuotaAndAWarningSaysSo(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(LoveandpayRequestQuota.class);
			assertThat(context.getBean(LoveandpayApiClient.class).quota()).isNull();
			assertThat(output).contains("loveandpay client has no request quota: Bucket4j");
		});
	}

	@Test
	void withoutBucket4jAQuotaExplicitlyEnabledFailsStartUp() {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
			.withPropertyValues("loveandpay.quota.enabled=true")
			.run((context) -> {
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.property()).isEqualTo("loveandpay.quota.enabled");
				assertThat(cause.action()).contains("bucket4j_jdk17-core");
			});
	}

	@Test
	void withoutBucket4jAndDisabledThereIsNoWarning(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
			.withPropertyValues("loveandpay.quota.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(LoveandpayApiClient.class).quota()).isNull();
				assertThat(output).doesNotContain("no request quota");
			});
	}

	@Test
	void misspeltPropertyAnalysisKnowsTheFieldsOfALimit() {
		MockEnvironment environment = new MockEnvironment().withProperty("loveandpay.quota.limits[0].burst", "5")
			.withProperty("loveandpay.secret-kye", "x");
		List<String> lines = MisspeltProperties.describe(environment, getClass().getClassLoader());
		assertThat(lines).singleElement().asString().startsWith("loveandpay.secret-kye is set");
	}

	@Test
	void redisStoreSharesTheQuotaThroughBootsLettuceConnection() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("loveandpay.quota.store=redis", "loveandpay.quota.expected-instances=4",
					"spring.data.redis.port=1")
			.run((context) -> {
				assertThat(context).getBean(LoveandpayRequestQuota.class).isInstanceOf(RedisRequestQuota.class);
				RedisRequestQuota quota = context.getBean(RedisRequestQuota.class);
				assertThat(context.getBean(LoveandpayApiClient.class).quota()).isSameAs(quota);
				assertThat(quota.fallbackLimits()).containsExactly(new QuotaLimit(25, Duration.ofMinutes(1), 2),
						new QuotaLimit(250, Duration.ofHours(1), 12));
				assertThat(quota)
					.hasToString("RedisRequestQuota[keyPrefix=loveandpay:quota:, limits=" + quota.limits() + "]");
			});
	}

	@Test
	void redisStoreWithoutARedisConnectionFailsStartUp() {
		this.runner.withPropertyValues("loveandpay.quota.store=redis").run((context) -> {
			LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
			assertThat(cause.property()).isEqualTo("loveandpay.quota.store");
			assertThat(cause.action()).contains("spring-boot-starter-data-redis", "bucket4j_jdk17-lettuce");
		});
	}

	@Test
	void redisStoreWithoutBucket4jsLettuceModuleFailsStartUp() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.github.bucket4j.redis"))
			.withPropertyValues("loveandpay.quota.store=redis")
			.run((context) -> {
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.property()).isEqualTo("loveandpay.quota.store");
				assertThat(cause.getMessage()).contains("not on the class path");
			});
	}

	@Test
	void zeroExpectedInstancesFailsStartUp() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("loveandpay.quota.store=redis", "loveandpay.quota.expected-instances=0")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.quota.expected-instances"));
	}

	@Test
	void healthShowsWhereTheQuotaIsKept() {
		this.runner.withConfiguration(AutoConfigurations.of(LoveandpayHealthAutoConfiguration.class))
			.withPropertyValues("loveandpay.base-url=http://127.0.0.1:1", "loveandpay.connect-timeout=200ms")
			.run((context) -> {
				Health health = context.getBean("loveandpayHealthIndicator", ReactiveHealthIndicator.class)
					.health()
					.block(Duration.ofSeconds(10));
				assertThat(health.getDetails().get("quota")).isEqualTo(Map.of("store", "memory", "state", "local"));
			});
	}

	private static LoveandpayConfigurationException findCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof LoveandpayConfigurationException cause) {
				return cause;
			}
		}
		throw new AssertionError("No LoveandpayConfigurationException in " + failure);
	}

}
