package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import reactor.core.publisher.Mono;

import io.loveandpay.autoconfigure.health.LoveandpayHealthAutoConfiguration;
import io.loveandpay.autoconfigure.metrics.LoveandpayMetricsAutoConfiguration;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayRequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycStatus;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Checkout;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.RecordingConnector;
import io.loveandpay.testsupport.StandInConnectionDetails;
import io.loveandpay.testsupport.TestClients;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayClockSkew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the wiring of {@link LoveandpayAutoConfiguration} and the health and metrics
 * auto-configurations beside it. No test here opens a connection: calls go to a
 * {@link RecordingConnector}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String STAND_IN = "https://stand-in.example.com";

	private static final String SESSION_PATH = "/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID;

	private final ApplicationContextRunner contextRunner = LoveandpayRunners.configured(new ApplicationContextRunner(),
			LoveandpayHealthAutoConfiguration.class, LoveandpayMetricsAutoConfiguration.class);

	private final RecordingConnector connector = RecordingConnector.answeringASession();

	private final ApplicationContextRunner recording = this.contextRunner.withBean(LoveandpayWebClientCustomizer.class,
			this.connector::customizer);

	@Test
	void createsTheClientBeansWithoutAnyCall() {
		this.recording.run((context) -> {
			assertClientBeans(context);
			assertThat(context).hasSingleBean(LoveandpayRequestSigner.class)
				.hasSingleBean(LoveandpaySigningFilter.class)
				.hasSingleBean(LoveandpayClockSkew.class)
				.hasBean("loveandpayHealthIndicator")
				.hasSingleBean(SanitizingFunction.class);
			assertThat(context.getBean(LoveandpayConnectionDetails.class))
				.isInstanceOf(PropertiesLoveandpayConnectionDetails.class)
				.extracting(LoveandpayConnectionDetails::getBaseUrl)
				.isEqualTo(LoveandpayProperties.DEFAULT_BASE_URL);
			assertThat(this.connector.requests()).isEmpty();
		});
	}

	@Test
	void applicationThatReplacesKycSessionServiceStartsWithoutKeysAndWithoutTheClient() {
		KycSessionService mine = Mockito.mock(KycSessionService.class);
		new ApplicationContextRunner()
			.withConfiguration(LoveandpayRunners.autoConfiguration(LoveandpayHealthAutoConfiguration.class,
					LoveandpayMetricsAutoConfiguration.class))
			.withBean(KycSessionService.class, () -> mine)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BlockingKycSessionService.class)).isNotNull();
				assertThat(context.getBeanFactory().containsSingleton("loveandpayApiClient")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("loveandpayRequestSigner")).isFalse();
			});
	}

	@Test
	void applicationThatReplacesBlockingKycSessionServiceStartsWithoutKeysAndWithoutTheClient() {
		new ApplicationContextRunner()
			.withConfiguration(LoveandpayRunners.autoConfiguration(LoveandpayHealthAutoConfiguration.class,
					LoveandpayMetricsAutoConfiguration.class))
			.withBean(BlockingKycSessionService.class, () -> Mockito.mock(BlockingKycSessionService.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsSingleton("loveandpayApiClient")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("kycSessionService")).isFalse();
			});
	}

	@Test
	void applicationThatUsesTheServicesChecksItsKeysAtStartUp() {
		new ApplicationContextRunner().withConfiguration(LoveandpayRunners.autoConfiguration())
			.withBean(Checkout.class)
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void applicationThatUsesNeitherServiceStartsWithoutKeysAndWithoutTheClient() {
		new ApplicationContextRunner()
			.withConfiguration(LoveandpayRunners.autoConfiguration(LoveandpayHealthAutoConfiguration.class,
					LoveandpayMetricsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsSingleton("loveandpayApiClient")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("kycSessionService")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("blockingKycSessionService")).isFalse();
				assertThatExceptionOfType(BeanCreationException.class)
					.isThrownBy(() -> context.getBean(BlockingKycSessionService.class))
					.havingRootCause()
					.isInstanceOf(LoveandpayConfigurationException.class);
			});
	}

	@Test
	void createsTheClientBeansInAServletApplication() {
		LoveandpayRunners.configured(new WebApplicationContextRunner()).run(this::assertClientBeans);
	}

	@Test
	void createsTheClientBeansInAReactiveApplication() {
		LoveandpayRunners.configured(new ReactiveWebApplicationContextRunner()).run(this::assertClientBeans);
	}

	private void assertClientBeans(ApplicationContextAssertProvider<?> context) {
		assertThat(context).hasNotFailed()
			.hasSingleBean(LoveandpayConnectionDetails.class)
			.hasSingleBean(LoveandpayApiClient.class)
			.hasSingleBean(KycSessionService.class)
			.hasSingleBean(BlockingKycSessionService.class);
	}

	@Test
	void sendsSignedRequestsBelowTheBaseUrlsPath() {
		this.recording.withPropertyValues(LoveandpayRunners.baseUrl(STAND_IN + "/gateway/")).run((context) -> {
			context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
			this.connector.assertOneSignedRequest(STAND_IN + "/gateway" + SESSION_PATH, TestClients.API_KEY,
					TestClients.SECRET_KEY);
		});
	}

	@Test
	void blockingServiceWaitsOnTheKycSessionServiceBeanEvenWhenItIsTheApplicationsOwn() {
		KycSession session = new KycSession(Fixtures.APPROVED_ID, null, null, null, null, null, KycStatus.APPROVED,
				null, null, null, Instant.EPOCH);
		KycSessionService mine = Mockito.mock(KycSessionService.class);
		Mockito.when(mine.getSession(Fixtures.APPROVED_ID)).thenReturn(Mono.just(session));
		this.contextRunner.withBean(KycSessionService.class, () -> mine)
			.run((context) -> assertThat(
					context.getBean(BlockingKycSessionService.class).getSession(Fixtures.APPROVED_ID))
				.isSameAs(session));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replaceableBeans")
	<T> void replaceableBeanBacksOffToTheApplicationsBean(Class<T> type, Supplier<T> mine) {
		T bean = mine.get();
		this.contextRunner.withBean(type, () -> bean).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(type);
			assertThat(context.getBean(type)).isSameAs(bean);
		});
	}

	static Stream<Arguments> replaceableBeans() {
		Clock clock = Clock.systemUTC();
		return Stream.of(replaceable(LoveandpayConnectionDetails.class, () -> details(STAND_IN)),
				replaceable(LoveandpayRequestSigner.class, () -> (method, path, timestamp, body) -> "mine"),
				replaceable(LoveandpayClockSkew.class, () -> new LoveandpayClockSkew(clock)),
				replaceable(LoveandpaySigningFilter.class, () -> TestClients.signingFilter(clock)),
				replaceable(LoveandpayApiClient.class, () -> Mockito.mock(LoveandpayApiClient.class)),
				replaceable(KycSessionService.class, () -> Mockito.mock(KycSessionService.class)),
				replaceable(BlockingKycSessionService.class, () -> Mockito.mock(BlockingKycSessionService.class)));
	}

	private static <T> Arguments replaceable(Class<T> type, Supplier<T> mine) {
		return Arguments.of(type, mine);
	}

	@ParameterizedTest
	@ValueSource(strings = { "loveandpayHealthIndicator", "loveandpayHealthContributor" })
	void healthIndicatorBacksOffToTheApplicationsBeanOfEitherName(String name) {
		ReactiveHealthIndicator mine = () -> Mono.just(Health.up().build());
		this.contextRunner.withBean(name, ReactiveHealthIndicator.class, () -> mine).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ReactiveHealthIndicator.class);
			assertThat(context.getBean(name)).isSameAs(mine);
		});
	}

	@Test
	void customSignerSignsWithoutTheSecretKey() {
		LoveandpayRunners.configured(new ApplicationContextRunner())
			.withPropertyValues("loveandpay.secret-key=")
			.withBean(LoveandpayRequestSigner.class, () -> (method, path, timestamp, body) -> "mine")
			.withBean(LoveandpayWebClientCustomizer.class, this.connector::customizer)
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(this.connector.requests().get(0).getHeaders().getFirst("x-signature")).isEqualTo("mine");
			});
	}

	@Test
	void connectionDetailsBeanNeedsNoProperties() {
		new ApplicationContextRunner()
			.withConfiguration(LoveandpayRunners.autoConfiguration(LoveandpayHealthAutoConfiguration.class))
			.withBean(LoveandpayConnectionDetails.class, () -> details(STAND_IN))
			.withBean(LoveandpayWebClientCustomizer.class, this.connector::customizer)
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				this.connector.assertOneSignedRequest(STAND_IN + SESSION_PATH, TestClients.API_KEY,
						TestClients.SECRET_KEY);
			});
	}

	@Test
	void connectionDetailsBeanWinsOverProperties(CapturedOutput output) {
		this.recording
			.withPropertyValues("loveandpay.api-key=pk_live_properties_key", "loveandpay.secret-key=sk_live_properties",
					LoveandpayRunners.baseUrl("https://properties.example.com"))
			.withBean(LoveandpayConnectionDetails.class, () -> details(STAND_IN))
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				this.connector.assertOneSignedRequest(STAND_IN + SESSION_PATH, TestClients.API_KEY,
						TestClients.SECRET_KEY);
				assertThat(context.getBean("loveandpayHealthIndicator"))
					.hasToString("LoveandpayHealthIndicator[" + STAND_IN + ", test]");
				assertThat(output).contains("loveandpay client ready: test mode, " + STAND_IN + "/api/v2")
					.doesNotContain("properties.example.com");
			});
	}

	@Test
	void customizersApplyInOrderAroundTheSigningFilter() {
		Heard seen = new Heard();
		this.recording.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter(seeing("boot", seen)))
			.withUserConfiguration(OrderedCustomizers.class)
			.withBean(Heard.class, () -> seen)
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(seen.events).containsExactly("boot unsigned", "first unsigned", "second unsigned");
				this.connector.assertOneSignedRequest(LoveandpayProperties.DEFAULT_BASE_URL + SESSION_PATH,
						TestClients.API_KEY, TestClients.SECRET_KEY);
			});
	}

	static ExchangeFilterFunction seeing(String name, Heard seen) {
		return (request, next) -> {
			seen.events.add(name + (request.headers().containsHeader("x-signature") ? " signed" : " unsigned"));
			return next.exchange(request);
		};
	}

	@Test
	void customizersBaseUrlWins() {
		this.recording
			.withBean("standIn", LoveandpayWebClientCustomizer.class,
					() -> (builder) -> builder.baseUrl(STAND_IN + "/api/v2"))
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				this.connector.assertOneSignedRequest(STAND_IN + SESSION_PATH, TestClients.API_KEY,
						TestClients.SECRET_KEY);
			});
	}

	@Test
	void worksWithoutBootsWebClientBuilder() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LoveandpayAutoConfiguration.class))
			.withPropertyValues(LoveandpayRunners.keys())
			.withBean(LoveandpayWebClientCustomizer.class, this.connector::customizer)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(WebClient.Builder.class);
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(this.connector.requests()).hasSize(1);
			});
	}

	@Test
	void tellsEveryListenerBeanInOrderEvenOneThatNeedsTheService() {
		RecordingConnector failingOnce = RecordingConnector.answeringASessionAfter(HttpStatus.SERVICE_UNAVAILABLE);
		this.contextRunner.withPropertyValues("loveandpay.retry.initial-backoff=1ms")
			.withBean(LoveandpayWebClientCustomizer.class, failingOnce::customizer)
			.withUserConfiguration(ListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(context.getBean(Heard.class).events).containsExactly("first kyc.sessions.get",
						"second kyc.sessions.get");
				assertThat(failingOnce.requests()).hasSize(2);
			});
	}

	@Test
	void signsWithTheLoveandpayClockBeanOnly() {
		Clock fixed = Clock.fixed(Instant.ofEpochMilli(1706012345678L), ZoneOffset.UTC);
		this.contextRunner.withBean(LoveandpayAutoConfiguration.CLOCK_BEAN, Clock.class, () -> fixed)
			.withBean("applicationClock", Clock.class, () -> Clock.offset(fixed, Duration.ofDays(1)))
			.run((context) -> assertThat(context.getBean(LoveandpayClockSkew.class).clock().millis())
				.isEqualTo(fixed.millis()));
	}

	@Test
	void signsWithTheSystemClockDespiteOtherClockBeans() {
		Clock stale = Clock.fixed(Instant.ofEpochMilli(1706012345678L), ZoneOffset.UTC);
		this.contextRunner.withBean(Clock.class, () -> stale)
			.run((context) -> assertThat(context.getBean(LoveandpayClockSkew.class).clock().millis())
				.isGreaterThan(stale.millis()));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LoveandpayApiClient.class)
				.doesNotHaveBean(KycSessionService.class)
				.doesNotHaveBean(LoveandpayProperties.class));
	}

	@Test
	void hasNoHealthOrSanitizingWithoutActuator() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class, SanitizingFunction.class))
			.run((context) -> {
				assertClientBeans(context);
				assertThat(context).doesNotHaveBean("loveandpayHealthIndicator")
					.doesNotHaveBean("loveandpaySanitizingFunction");
			});
	}

	@Test
	void hasMetricsOnlyWithAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("loveandpayMetrics"));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasBean("loveandpayMetrics"));
	}

	@Test
	void callsWithoutMicrometerMetrics() {
		this.recording.withConfiguration(LoveandpayRunners.metricsAutoConfiguration())
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("loveandpayMetrics");
				assertThat(context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT).id())
					.isEqualTo(Fixtures.APPROVED_ID);
			});
	}

	@Test
	void bindsDefaultsAndDurations() {
		this.contextRunner.run((context) -> {
			LoveandpayProperties properties = context.getBean(LoveandpayProperties.class);
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(30));
		});
		this.contextRunner
			.withPropertyValues("loveandpay.connect-timeout=750ms", "loveandpay.response-timeout=2m",
					"loveandpay.health.cache-ttl=1h", "loveandpay.pool.max-idle-time=15s")
			.run((context) -> {
				LoveandpayProperties properties = context.getBean(LoveandpayProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(properties.getHealth().getCacheTtl()).isEqualTo(Duration.ofHours(1));
				assertThat(properties.getPool().getMaxIdleTime()).isEqualTo(Duration.ofSeconds(15));
			});
	}

	@Test
	void bindsTheConnectionFromEnvironmentVariables() {
		new ApplicationContextRunner()
			.withConfiguration(LoveandpayRunners.autoConfiguration(LoveandpayHealthAutoConfiguration.class))
			.withInitializer(LoveandpayRunners.environmentVariables(Map.of("LOVEANDPAY_API_KEY", TestClients.API_KEY,
					"LOVEANDPAY_SECRET_KEY", TestClients.SECRET_KEY, "LOVEANDPAY_BASE_URL", STAND_IN)))
			.run((context) -> {
				LoveandpayConnectionDetails details = context.getBean(LoveandpayConnectionDetails.class);
				assertThat(details.getApiKey()).isEqualTo(TestClients.API_KEY);
				assertThat(details.getSecretKey()).isEqualTo(TestClients.SECRET_KEY);
				assertThat(details.getBaseUrl()).isEqualTo(URI.create(STAND_IN));
			});
	}

	@Test
	void propertiesToStringHidesTheKeys() {
		this.contextRunner.run((context) -> assertThat(context.getBean(LoveandpayProperties.class)).asString()
			.doesNotContain(TestClients.SECRET_KEY)
			.doesNotContain("canary")
			.doesNotContain(TestClients.API_KEY)
			.contains("pk_test_"));
	}

	static LoveandpayConnectionDetails details(String baseUrl) {
		return new StandInConnectionDetails(URI.create(baseUrl), TestClients.API_KEY, TestClients.SECRET_KEY);
	}

	static final class Heard {

		final List<String> events = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		@Order(2)
		LoveandpayWebClientCustomizer second(Heard seen) {
			return (builder) -> builder.filter(seeing("second", seen));
		}

		@Bean
		@Order(1)
		LoveandpayWebClientCustomizer first(Heard seen) {
			return (builder) -> builder.filter(seeing("first", seen));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		Heard heard() {
			return new Heard();
		}

		@Bean
		@Order(2)
		LoveandpayClientListener second(Heard heard) {
			return new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					heard.events.add("second " + operation);
				}

			};
		}

		// Needs the service whose client it listens to: listeners are found at each
		// event, not while the client is made.
		@Bean
		@Order(1)
		LoveandpayClientListener first(Heard heard, KycSessionService service) {
			return new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					heard.events.add("first " + operation);
				}

			};
		}

	}

}
