package io.loveandpay.test.autoconfigure;

import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What both ways of running the stand-in share, imported by their auto-configurations:
 * the {@link LoveandpayConnectionDetails} pointing at the {@link LoveandpayStandIn} bean
 * and, with a web server, the stand-in's webhooks sent to the application.
 */
@Configuration(proxyBeanMethods = false)
class StandInClientConfiguration {

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
