package io.loveandpay.test.autoconfigure;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.autoconfigure.webhook.LoveandpayWebhookAutoConfiguration;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
@Import(StandInClientConfiguration.class)
public final class LoveandpayStandInTestAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LoveandpayStandIn loveandpayStandIn(Environment environment,
			ObjectProvider<LoveandpayStandInCustomizer> customizers) {
		return StandInBeans.start(environment, customizers);
	}

}
