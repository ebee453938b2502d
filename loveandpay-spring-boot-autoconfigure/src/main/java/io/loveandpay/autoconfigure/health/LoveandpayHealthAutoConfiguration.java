package io.loveandpay.autoconfigure.health;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.autoconfigure.LoveandpayProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.util.function.SingletonSupplier;
import io.loveandpay.client.internal.LoveandpayApiClient;

/**
 * Auto-configuration of the {@code loveandpay} health contributor
 * ({@code /actuator/health/loveandpay}), on unless
 * {@code management.health.loveandpay.enabled} is {@code false}. It backs off for a bean
 * named {@code loveandpayHealthIndicator} or {@code loveandpayHealthContributor}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LoveandpayAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(LoveandpayApiClient.class)
@ConditionalOnEnabledHealthIndicator("loveandpay")
@ImportRuntimeHints(LoveandpayHealthAutoConfiguration.ProbeRuntimeHints.class)
public final class LoveandpayHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "loveandpayHealthIndicator", "loveandpayHealthContributor" })
	ReactiveHealthIndicator loveandpayHealthIndicator(ObjectProvider<LoveandpayApiClient> client,
			LoveandpayConnectionDetails connectionDetails, LoveandpayProperties properties) {
		// The client is made for the first probe: an application whose tests replace the
		// KYC services starts without it.
		return new LoveandpayHealthIndicator(SingletonSupplier.of(client::getObject),
				connectionDetails.getBaseUrl().toString(), LoveandpayProperties.mode(connectionDetails.getApiKey()),
				properties.getHealth().getTimeout(), properties.getHealth().getCacheTtl());
	}

	/**
	 * Reflection hints for the answer of the health probe, which the client binds.
	 */
	static final class ProbeRuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), ProbeEnvelope.class);
		}

	}

}
