package io.loveandpay.testsupport;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayWebClientCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Context runners with the client's auto-configuration on Boot's HTTP client and
 * WebClient auto-configurations, and the test keys.
 */
public final class LoveandpayRunners {

	private static final Class<?>[] CLIENT = { HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			LoveandpayAutoConfiguration.class };

	private LoveandpayRunners() {
	}

	/**
	 * Add the client's auto-configuration, the given ones and the test keys to a runner.
	 * @param <R> the runner type
	 * @param runner the runner
	 * @param more more auto-configurations
	 * @return the runner
	 */
	public static <R extends AbstractApplicationContextRunner<R, ?, ?>> R configured(R runner, Class<?>... more) {
		return runner.withConfiguration(autoConfiguration(more)).withPropertyValues(keys());
	}

	/**
	 * Return the client's auto-configuration on Boot's HTTP client and WebClient
	 * auto-configurations, with the given ones.
	 * @param more more auto-configurations
	 * @return the auto-configurations
	 */
	public static AutoConfigurations autoConfiguration(Class<?>... more) {
		return AutoConfigurations.of(Stream.concat(Stream.of(CLIENT), Stream.of(more)).toArray(Class<?>[]::new));
	}

	/**
	 * Return Boot's observation and metrics auto-configurations with a simple registry.
	 * @return the auto-configurations
	 */
	public static AutoConfigurations metricsAutoConfiguration() {
		return AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);
	}

	/**
	 * Return a runner of the client against a local server, with the test keys, a ticking
	 * signing clock, a short connect timeout, and a filter that sees every attempt before
	 * it is signed.
	 * @param baseUrl the server's base URL
	 * @param eachAttempt the filter, to count or inspect attempts
	 * @return the runner
	 */
	public static ApplicationContextRunner onServer(String baseUrl, ExchangeFilterFunction eachAttempt) {
		return configured(new ApplicationContextRunner())
			.withBean(LoveandpayAutoConfiguration.CLOCK_BEAN, Clock.class, TickingClock::new)
			.withBean(LoveandpayWebClientCustomizer.class, () -> (builder) -> builder.filter(eachAttempt))
			.withPropertyValues(baseUrl(baseUrl), "loveandpay.connect-timeout=300ms");
	}

	public static String[] keys() {
		return new String[] { "loveandpay.api-key=" + TestClients.API_KEY,
				"loveandpay.secret-key=" + TestClients.SECRET_KEY };
	}

	public static String baseUrl(String baseUrl) {
		return "loveandpay.base-url=" + baseUrl;
	}

	/**
	 * Return an initializer that adds these environment variables to the context's
	 * environment, ahead of every other source.
	 * @param variables the variables
	 * @return the initializer
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
			Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
	}

}
