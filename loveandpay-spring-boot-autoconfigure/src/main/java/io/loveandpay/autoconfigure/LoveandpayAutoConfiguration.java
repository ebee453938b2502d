package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayObservationConvention;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.LoveandpayRequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.KycSessionService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCallPolicy;
import io.loveandpay.client.internal.LoveandpayClockSkew;

/**
 * Auto-configuration of the loveandpay client: a signing filter on Boot's
 * {@link WebClient.Builder}, the {@link LoveandpayApiClient}, the
 * {@link KycSessionService} and its {@link BlockingKycSessionService}. The base URL and
 * the keys come from the {@link LoveandpayConnectionDetails} bean, by default the
 * {@code loveandpay.*} properties. Nothing here makes a network call.
 * <p>
 * The signer, the signing filter, the client and both services are lazy beans, made, and
 * the keys checked, when something first needs them: at start-up in an application that
 * injects either service into its own beans, as controllers do. An application that
 * injects neither, or a test that replaces them with its own beans (mocks, say), needs
 * neither keys nor the client.
 * <p>
 * The signing time comes from the {@link Clock} bean named (or qualified)
 * {@value #CLOCK_BEAN} when there is one, and from the system clock in UTC otherwise;
 * other {@code Clock} beans are ignored.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
		SslAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(LoveandpayProperties.class)
@Import({ QuotaConfigurations.InMemory.class, QuotaConfigurations.Redis.class, QuotaConfigurations.RedisMissing.class,
		QuotaConfigurations.BucketMissing.class })
public final class LoveandpayAutoConfiguration {

	/**
	 * Name or qualifier of the {@link Clock} bean that gives the signing time.
	 */
	public static final String CLOCK_BEAN = "loveandpayClock";

	private static final Log logger = LogFactory.getLog(LoveandpayAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(LoveandpayConnectionDetails.class)
	PropertiesLoveandpayConnectionDetails loveandpayConnectionDetails(LoveandpayProperties properties) {
		return new PropertiesLoveandpayConnectionDetails(properties);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	LoveandpayRequestSigner loveandpayRequestSigner(LoveandpayConnectionDetails connectionDetails) {
		return new HmacSha256RequestSigner(Keys.secretKey(connectionDetails));
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpayClockSkew loveandpayClockSkew(@Qualifier(CLOCK_BEAN) ObjectProvider<Clock> clock) {
		return new LoveandpayClockSkew(clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	LoveandpaySigningFilter loveandpaySigningFilter(LoveandpayConnectionDetails connectionDetails,
			LoveandpayRequestSigner signer, LoveandpayClockSkew clockSkew) {
		return new LoveandpaySigningFilter(Keys.apiKey(connectionDetails), signer, clockSkew.clock());
	}

	@Bean
	@Lazy
	LoveandpayConnectionPool loveandpayConnectionPool(LoveandpayProperties properties) {
		return new LoveandpayConnectionPool(CallPolicies.checkedPool(properties));
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	LoveandpayApiClient loveandpayApiClient(LoveandpayProperties properties,
			LoveandpayConnectionDetails connectionDetails, LoveandpaySigningFilter signingFilter,
			LoveandpayClockSkew clockSkew, ObjectProvider<LoveandpayConnectionPool> pool,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<LoveandpayWebClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LoveandpayObservationConvention> observationConvention,
			ObjectProvider<LoveandpayClientListener> listeners, ObjectProvider<LoveandpayRequestQuota> quota,
			ResourceLoader resourceLoader) {
		URI apiBaseUrl = Keys.checkedApiBaseUrl(connectionDetails, properties.isAllowPlainHttp());
		CallPolicies.checkedPool(properties);
		SslBundle sslBundle = LoveandpaySsl.bundle(properties, sslBundles);
		// The HTTP stack and its connection pool are made on the first call, so that
		// start-up pays nothing for them.
		Supplier<WebClient> webClient = SingletonSupplier
			.of(() -> LoveandpayWebClientFactory.create(webClientBuilder.getIfAvailable(WebClient::builder), apiBaseUrl,
					properties,
					connectorBuilder
						.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
					httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundle,
					pool.getObject().provider(), customizers.orderedStream().toList(), signingFilter));
		LoveandpayApiClient.Builder builder = LoveandpayApiClient.builder(webClient);
		LoveandpayRequestQuota requestQuota = quota.getIfUnique();
		if (requestQuota != null) {
			builder.quota(requestQuota);
		}
		else if (properties.getQuota().isEnabled()
				&& !ClassUtils.isPresent(QuotaConfigurations.BUCKET, resourceLoader.getClassLoader())) {
			logger.warn("loveandpay client has no request quota: Bucket4j (com.bucket4j:bucket4j_jdk17-core) is not on "
					+ "the class path. Add it, or set loveandpay.quota.enabled=false to say so.");
		}
		LoveandpayApiClient client = builder.baseUrl(apiBaseUrl)
			.policy(CallPolicies.from(properties))
			.clockSkew(clockSkew)
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique())
			.listeners(SingletonSupplier.of(() -> listeners.orderedStream().toList()))
			.rateLimitHold(QuotaSettings.defaultRetryAfter(properties))
			.build();
		if (logger.isInfoEnabled()) {
			logger.info("loveandpay client ready: " + LoveandpayProperties.mode(connectionDetails.getApiKey())
					+ " mode, " + apiBaseUrl);
		}
		return client;
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	KycSessionService kycSessionService(LoveandpayApiClient loveandpayApiClient, LoveandpayProperties properties) {
		return KycSessionService.create(loveandpayApiClient, properties.getKyc().isCreateRecovery());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BlockingKycSessionService blockingKycSessionService(KycSessionService kycSessionService) {
		return BlockingKycSessionService.create(kycSessionService);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SanitizingFunction loveandpaySanitizingFunction(LoveandpayConnectionDetails connectionDetails,
				LoveandpayProperties properties) {
			return new LoveandpaySanitizingFunction(connectionDetails, properties.getWebhook().getSecret());
		}

	}

}
