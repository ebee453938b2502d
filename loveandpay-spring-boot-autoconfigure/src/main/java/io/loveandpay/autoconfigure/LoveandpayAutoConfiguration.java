package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.client.LoveandpayApiClient;
import io.loveandpay.client.LoveandpayCallPolicy;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayClockSkew;
import io.loveandpay.client.LoveandpayObservationConvention;
import io.loveandpay.client.LoveandpayRequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.kyc.KycSessionService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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

	@Bean
	@ConditionalOnMissingBean
	LoveandpayRequestSigner loveandpayRequestSigner(LoveandpayProperties properties) {
		return new HmacSha256RequestSigner(Keys.secretKey(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpayClockSkew loveandpayClockSkew(@Qualifier("loveandpayClock") ObjectProvider<Clock> clock) {
		return new LoveandpayClockSkew(clock.getIfAvailable(Clock::systemUTC));
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
		URI apiBaseUrl = LoveandpayWebClientFactory.checkedApiBaseUrl(properties);
		Supplier<WebClient> webClient = () -> LoveandpayWebClientFactory.create(
				webClientBuilder.getIfAvailable(WebClient::builder), apiBaseUrl, properties,
				connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), pool.provider(),
				customizers.orderedStream().toList(), signingFilter);
		List<LoveandpayClientListener> allListeners = listeners.orderedStream().toList();
		LoveandpayApiClient client = LoveandpayApiClient.builder(webClient)
			.policy(policy)
			.clockSkew(clockSkew)
			.observationRegistry(observations.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique())
			.listener((allListeners.size() == 1) ? allListeners.get(0) : new CompositeListener(allListeners))
			.build();
		logger.info("loveandpay client ready: " + LoveandpayProperties.mode(properties.getApiKey()) + " mode, "
				+ apiBaseUrl);
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
