package io.loveandpay.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConfigurationException;
import io.loveandpay.autoconfigure.LoveandpayProperties;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.webhook.InMemoryWebhookDeduplicationStore;
import io.loveandpay.webhook.LoveandpayWebhookReceiver;
import io.loveandpay.webhook.WebhookDeduplicationStore;
import io.loveandpay.webhook.WebhookOutcome;
import io.loveandpay.webhook.WebhookVerifier;
import io.loveandpay.webhook.redis.RedisWebhookDeduplicationStore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the wiring of {@link LoveandpayWebhookAutoConfiguration}. No network.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayWebhookAutoConfigurationTests {

	private static final AutoConfigurations WEBHOOK = AutoConfigurations.of(LoveandpayWebhookAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(WEBHOOK);

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(WEBHOOK);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(WEBHOOK);

	@Test
	void isOffByDefault() {
		this.servletRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(LoveandpayWebhookReceiver.class)
			.doesNotHaveBean(WebhookVerifier.class)
			.doesNotHaveBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN));
		this.reactiveRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(LoveandpayWebhookReceiver.class)
			.doesNotHaveBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN));
	}

	@Test
	void secretRegistersAServletRouter() {
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WebhookVerifier.class)
				.hasSingleBean(InMemoryWebhookDeduplicationStore.class)
				.hasSingleBean(LoveandpayWebhookReceiver.class)
				.getBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN)
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class));
	}

	@Test
	void secretRegistersAReactiveRouter() {
		this.reactiveRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LoveandpayWebhookReceiver.class)
				.getBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN)
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class));
	}

	@Test
	void nonWebApplicationHasTheReceiverButNoRouter() {
		this.runner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LoveandpayWebhookReceiver.class)
				.doesNotHaveBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN));
	}

	@Test
	void enabledWithoutASecretFailsNamingTheSecretProperty() {
		this.servletRunner.withPropertyValues("loveandpay.webhook.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
			assertThat(cause.property()).isEqualTo("loveandpay.webhook.secret");
			assertThat(cause.getMessage()).contains("loveandpay.webhook.secret is not set");
			assertThat(cause.action()).contains("Set loveandpay.webhook.secret");
		});
	}

	@Test
	void blankSecretInTheListFailsStartUp() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret[0]=" + Webhooks.SECRET, "loveandpay.webhook.secret[1]= ")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).getMessage())
				.isEqualTo("loveandpay.webhook.secret holds an empty secret"));
	}

	@Test
	void startUpFailureReportSaysWhatToSetAndNamesALookAlikeWithoutItsValue(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--loveandpay.webhook.enabled=true",
				"--loveandpay.webhook.secrets=" + Webhooks.SECRET, "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("loveandpay.webhook.secret is not set, but loveandpay.webhook.enabled is true")
			.contains("loveandpay.webhook.secrets is set but is not a loveandpay property: did you mean"
					+ " loveandpay.webhook.secret?")
			.doesNotContain(Webhooks.SECRET);
	}

	@Test
	void enabledFalseTurnsItOffEvenWithASecret() {
		this.servletRunner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET, "loveandpay.webhook.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LoveandpayWebhookReceiver.class)
				.doesNotHaveBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN));
	}

	@Test
	void commaSeparatedSecretsBindToTwoCurrentFirst() {
		this.runner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET + ", " + Webhooks.PREVIOUS)
			.run((context) -> {
				assertThat(context.getBean(LoveandpayProperties.class).getWebhook().getSecret())
					.containsExactly(Webhooks.SECRET, Webhooks.PREVIOUS);
				assertThat(context.getBean(WebhookVerifier.class).secrets()).isEqualTo(2);
				WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
				byte[] body = "{}".getBytes();
				assertThat(verifier.verify(body, Webhooks.signed(Webhooks.PREVIOUS, "{}").header("x-webhook-signature"))
					.secretIndex()).isEqualTo(1);
				assertThat(verifier.verify(body, Webhooks.signed(Webhooks.SECRET, "{}").header("x-webhook-signature"))
					.secretIndex()).isZero();
			});
	}

	@Test
	void indexedSecretsBindInOrder() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret[0]=" + Webhooks.SECRET,
					"loveandpay.webhook.secret[1]=" + Webhooks.PREVIOUS)
			.run((context) -> assertThat(context.getBean(LoveandpayProperties.class).getWebhook().getSecret())
				.containsExactly(Webhooks.SECRET, Webhooks.PREVIOUS));
	}

	@Test
	void bindsTheLimitsFromProperties() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET, "loveandpay.webhook.max-body-size=1KB",
					"loveandpay.webhook.max-event-age=1h", "loveandpay.webhook.allowed-skew=30s",
					"loveandpay.webhook.tolerance=10m", "loveandpay.webhook.claim-timeout=2m",
					"loveandpay.webhook.max-entries=7", "loveandpay.webhook.security.enabled=false")
			.run((context) -> {
				LoveandpayWebhookReceiver.Limits limits = context.getBean(LoveandpayWebhookReceiver.class).limits();
				assertThat(limits).isEqualTo(new LoveandpayWebhookReceiver.Limits(1024, Duration.ofHours(1),
						Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(2)));
				assertThat(context.getBean(InMemoryWebhookDeduplicationStore.class).maxEntries()).isEqualTo(7);
				LoveandpayProperties.Webhook webhook = context.getBean(LoveandpayProperties.class).getWebhook();
				assertThat(webhook.getSecurity().isEnabled()).isFalse();
				assertThat(webhook.getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(1));
			});
	}

	@Test
	void defaultsMatchTheDocumentedOnes() {
		this.runner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET).run((context) -> {
			LoveandpayProperties.Webhook webhook = context.getBean(LoveandpayProperties.class).getWebhook();
			assertThat(webhook.getEnabled()).isNull();
			assertThat(webhook.getPath()).isEqualTo("/loveandpay/webhooks");
			assertThat(webhook.getSecurity().isEnabled()).isTrue();
			assertThat(context.getBean(LoveandpayWebhookReceiver.class).limits())
				.isEqualTo(LoveandpayWebhookReceiver.Limits.defaults());
			assertThat(context.getBean(InMemoryWebhookDeduplicationStore.class).maxEntries()).isEqualTo(100_000);
			assertThat(webhook.getDeduplication().getStore())
				.isEqualTo(LoveandpayProperties.Webhook.DeduplicationStore.MEMORY);
			assertThat(webhook.getDeduplication().getKeyPrefix())
				.isEqualTo(RedisWebhookDeduplicationStore.DEFAULT_KEY_PREFIX);
		});
	}

	@Test
	void invalidLimitFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET, "loveandpay.webhook.max-entries=0")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.webhook.max-entries"));
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET, "loveandpay.webhook.claim-timeout=0s")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.webhook.claim-timeout"));
	}

	@Test
	void backsOffToUserBeans() {
		WebhookVerifier verifier = new WebhookVerifier("user-secret-000001");
		WebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(3, Clock.systemUTC());
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.withBean(WebhookVerifier.class, () -> verifier)
			.withBean("sharedStore", WebhookDeduplicationStore.class, () -> store)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WebhookVerifier.class)).isSameAs(verifier);
				assertThat(context.getBean(WebhookDeduplicationStore.class)).isSameAs(store);
				assertThat(context.getBean(LoveandpayWebhookReceiver.class).toString()).contains(store.toString());
			});
		LoveandpayWebhookReceiver receiver = new LoveandpayWebhookReceiver(verifier, store,
				LoveandpayWebhookReceiver.Limits.defaults(), Clock.systemUTC());
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.withBean(LoveandpayWebhookReceiver.class, () -> receiver)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN);
				assertThat(context.getBean(LoveandpayWebhookReceiver.class)).isSameAs(receiver);
			});
	}

	@Test
	void redisStoreUsesBootsRedisConnectionAndTheKeyPrefix() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis",
					"loveandpay.webhook.deduplication.key-prefix=orders:webhook:")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(RedisWebhookDeduplicationStore.class)
					.doesNotHaveBean(InMemoryWebhookDeduplicationStore.class);
				assertThat(context.getBean(WebhookDeduplicationStore.class))
					.hasToString("RedisWebhookDeduplicationStore[keyPrefix=orders:webhook:]");
			});
	}

	@Test
	void storeNamesBindWhateverTheirCase() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=MEMORY")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InMemoryWebhookDeduplicationStore.class));
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=Redis")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RedisWebhookDeduplicationStore.class));
	}

	@Test
	void redisStoreWithoutARedisConnectionFactoryFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis")
			.run((context) -> {
				LoveandpayConfigurationException failure = findCause(context.getStartupFailure());
				assertThat(failure.property()).isEqualTo("loveandpay.webhook.deduplication.store");
				assertThat(failure).hasMessageContaining("no single RedisConnectionFactory bean");
				assertThat(failure.action()).contains("spring-boot-starter-data-redis", "spring.data.redis.");
			});
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsNamingTheProperty() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis")
			.run((context) -> {
				LoveandpayConfigurationException failure = findCause(context.getStartupFailure());
				assertThat(failure.property()).isEqualTo("loveandpay.webhook.deduplication.store");
				assertThat(failure).hasMessageContaining("Spring Data Redis is not on the class path");
				assertThat(failure.action()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void memoryStoreWorksWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InMemoryWebhookDeduplicationStore.class));
	}

	@Test
	void userStoreWinsOverTheRedisStore() {
		WebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(3, Clock.systemUTC());
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis")
			.withBean("sharedStore", WebhookDeduplicationStore.class, () -> store)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WebhookDeduplicationStore.class)).isSameAs(store);
			});
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis")
			.withBean("sharedStore", WebhookDeduplicationStore.class, () -> store)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WebhookDeduplicationStore.class)).isSameAs(store);
			});
	}

	@Test
	void unknownStoreOrEmptyKeyPrefixFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=memcached")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("loveandpay.webhook.deduplication.store")
				.hasStackTraceContaining("memcached"));
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis", "loveandpay.webhook.deduplication.key-prefix= ")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).property())
				.isEqualTo("loveandpay.webhook.deduplication.key-prefix"));
	}

	@Test
	void judgesEventTimesByTheLoveandpayClock() {
		Clock past = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
		this.runner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.withBean(LoveandpayAutoConfiguration.CLOCK_BEAN, Clock.class, () -> past)
			.run((context) -> {
				byte[] body = Webhooks.kycCompleted("evt_clock").getBytes();
				LoveandpayWebhookReceiver receiver = context.getBean(LoveandpayWebhookReceiver.class);
				assertThat(receiver.receive(body, Webhooks.signed(new String(body)).header("x-webhook-signature"), null,
						null, (event) -> {
						}))
					.isEqualTo(WebhookOutcome.STALE);
			});
	}

	@Test
	void countsDeliveriesWithAMeterRegistry() {
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerWebhookRecorder.class);
				context.getBean(WebhookRecorder.class).record(WebhookOutcome.REJECTED_SIGNATURE, null, -1);
				assertThat(context.getBean(MeterRegistry.class)
					.get("loveandpay.webhooks.received")
					.tags("outcome", "REJECTED_SIGNATURE", "type", "unknown", "secret", "none")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void hasNoMeterWithoutAMeterRegistry() {
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookRecorder.class));
	}

	@Test
	void worksWithoutMicrometer() {
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WebhookRecorder.class)
				.hasBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN));
	}

	@Test
	void servletApplicationWithoutSpringMvcHasNoRouter() {
		this.servletRunner.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET)
			.withClassLoader(new FilteredClassLoader(org.springframework.web.servlet.function.RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LoveandpayWebhookReceiver.class)
				.doesNotHaveBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN));
	}

	@Test
	void secretsAreNeverShown() {
		LoveandpayRunners.configured(new ApplicationContextRunner(), LoveandpayWebhookAutoConfiguration.class)
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET + "," + Webhooks.PREVIOUS)
			.run((context) -> {
				assertThat(context.getBean(LoveandpayProperties.class).toString()).contains("secret=******(2)")
					.doesNotContain(Webhooks.SECRET)
					.doesNotContain(Webhooks.PREVIOUS);
				SanitizingFunction sanitizing = context.getBean("loveandpaySanitizingFunction",
						SanitizingFunction.class);
				MockPropertySource source = new MockPropertySource();
				assertThat(sanitize(sanitizing, source, "loveandpay.webhook.secret", "a,b")).isEqualTo("******");
				assertThat(sanitize(sanitizing, source, "loveandpay.webhook.secret[1]", "x")).isEqualTo("******");
				assertThat(sanitize(sanitizing, source, "LOVEANDPAY_WEBHOOK_SECRET", "x")).isEqualTo("******");
				assertThat(sanitize(sanitizing, source, "secret", Webhooks.PREVIOUS)).isEqualTo("******");
				assertThat(sanitize(sanitizing, source, "sun.java.command", "app --x=" + Webhooks.PREVIOUS))
					.isEqualTo("app --x=******");
				assertThat(sanitize(sanitizing, source, "loveandpay.webhook.path", "/hooks")).isEqualTo("/hooks");
			});
	}

	private static Object sanitize(SanitizingFunction function, MockPropertySource source, String key, Object value) {
		return function.apply(new SanitizableData(source, key, value)).getValue();
	}

	private static LoveandpayConfigurationException findCause(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof LoveandpayConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("LoveandpayConfigurationException in %s", failure).isNotNull();
		return (LoveandpayConfigurationException) cause;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(LoveandpayWebhookAutoConfiguration.class)
	static class App {

	}

}
