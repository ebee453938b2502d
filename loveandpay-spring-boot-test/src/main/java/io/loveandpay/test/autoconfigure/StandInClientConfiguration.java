package io.loveandpay.test.autoconfigure;

import java.time.Clock;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
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
 * the application's {@code loveandpayClock}, which the stand-in's clock offset moves (not
 * a candidate for plain {@code Clock} injection points, so the application's own clocks
 * are untouched), and, with a web server, the stand-in's webhooks sent to the
 * application.
 */
@Configuration(proxyBeanMethods = false)
class StandInClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LoveandpayConnectionDetails loveandpayStandInConnectionDetails(LoveandpayStandIn loveandpayStandIn) {
		return new StandInConnectionDetails(loveandpayStandIn);
	}

	@Bean(name = LoveandpayAutoConfiguration.CLOCK_BEAN, defaultCandidate = false)
	@ConditionalOnMissingBean(name = LoveandpayAutoConfiguration.CLOCK_BEAN)
	Clock loveandpayClock(LoveandpayStandIn loveandpayStandIn) {
		return loveandpayStandIn.applicationClock();
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
