package io.loveandpay.test.autoconfigure;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.autoconfigure.webhook.LoveandpayWebhookAutoConfiguration;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration imported by {@link AutoConfigureLoveandpayStandIn}: a started
 * {@link LoveandpayStandIn} bean, closed with the context, the
 * {@link LoveandpayConnectionDetails} pointing at it, and, with a web server, the
 * stand-in's webhooks sent to the application. Not registered as a regular
 * auto-configuration: only the annotation imports it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = { LoveandpayAutoConfiguration.class, LoveandpayWebhookAutoConfiguration.class })
public final class LoveandpayStandInTestAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LoveandpayStandIn loveandpayStandIn(Environment environment,
			ObjectProvider<LoveandpayStandInCustomizer> customizers) {
		return StandInBeans.start(environment, customizers);
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpayConnectionDetails loveandpayStandInConnectionDetails(LoveandpayStandIn loveandpayStandIn) {
		return new StandInConnectionDetails(loveandpayStandIn);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
	static class WebhookTargetConfiguration {

		@Bean
		StandInWebhookTarget loveandpayStandInWebhookTarget(LoveandpayStandIn loveandpayStandIn,
				Environment environment) {
			return new StandInWebhookTarget(loveandpayStandIn, environment);
		}

	}

}
