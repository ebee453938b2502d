package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayObservationConvention;
import io.loveandpay.client.LoveandpayRequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.kyc.KycSessionService;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCallPolicy;
import io.loveandpay.client.internal.LoveandpayClockSkew;

/**
 * Auto-configuration of the loveandpay client: a signing filter on Boot's
 * {@link WebClient.Builder}, the {@link LoveandpayApiClient} and the
 * {@link KycSessionService}. Start-up checks the configuration and makes no network call.
 * <p>
 * The signing time comes from a {@link Clock} bean named {@code loveandpayClock} when
 * there is one, and from the system clock otherwise.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(LoveandpayProperties.class)
public final class LoveandpayAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LoveandpayAutoConfiguration.class);

	private static final String CLOCK_BEAN = "loveandpayClock";

	@Bean
	@ConditionalOnMissingBean
	LoveandpayRequestSigner loveandpayRequestSigner(LoveandpayProperties properties) {
		return new HmacSha256RequestSigner(Keys.secretKey(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpayClockSkew loveandpayClockSkew(BeanFactory beanFactory) {
		// By name: a look-up by type would weigh every bean definition at start-up.
		Clock clock = beanFactory.containsBean(CLOCK_BEAN) ? beanFactory.getBean(CLOCK_BEAN, Clock.class)
				: Clock.systemUTC();
		return new LoveandpayClockSkew(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpaySigningFilter loveandpaySigningFilter(LoveandpayProperties properties, LoveandpayRequestSigner signer,
			LoveandpayClockSkew clockSkew) {
		return new LoveandpaySigningFilter(Keys.apiKey(properties), signer, clockSkew.clock());
	}

	@Bean
	LoveandpayConnectionPool loveandpayConnectionPool(LoveandpayProperties properties) {
		return new LoveandpayConnectionPool(properties.getPool());
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpayApiClient loveandpayApiClient(LoveandpayProperties properties, LoveandpaySigningFilter signingFilter,
			LoveandpayClockSkew clockSkew, LoveandpayConnectionPool pool,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<LoveandpayWebClientCustomizer> customizers, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<LoveandpayObservationConvention> observationConvention,
			ObjectProvider<LoveandpayClientListener> listeners, ResourceLoader resourceLoader) {
		LoveandpayCallPolicy policy = CallPolicies.from(properties);
		URI apiBaseUrl = Keys.checkedApiBaseUrl(properties);
		// Everything found by type is looked up on the first call, so that start-up pays
		// neither for the look-ups nor for the HTTP stack.
		DeferredWebClient webClient = new DeferredWebClient(apiBaseUrl, properties, pool, signingFilter,
				webClientBuilder, connectorBuilder, httpClientSettings, customizers, resourceLoader.getClassLoader());
		LoveandpayApiClient client = LoveandpayApiClient.builder(webClient)
			.policy(policy)
			.clockSkew(clockSkew)
			.observationRegistry(observations.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique())
			.listeners(() -> listeners.orderedStream().toList())
			.build();
		if (logger.isInfoEnabled()) {
			logger.info("loveandpay client ready: " + LoveandpayProperties.mode(properties.getApiKey()) + " mode, "
					+ apiBaseUrl);
		}
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	KycSessionService kycSessionService(LoveandpayApiClient loveandpayApiClient) {
		return KycSessionService.create(loveandpayApiClient);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SanitizingFunction loveandpaySanitizingFunction(LoveandpayProperties properties) {
			return new LoveandpaySanitizingFunction(properties);
		}

	}

}
