package io.loveandpay.test.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.webhook.LoveandpayWebhookAutoConfiguration;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that runs a {@link LoveandpayStandIn} inside the application, for
 * demos and samples: active only when {@code loveandpay.stand-in.enabled} is true and no
 * {@code loveandpay.api-key} is set. The client then talks to the stand-in, which signs
 * its webhooks with the application's {@code loveandpay.webhook.secret} (when set) and
 * sends them to the application's own webhook endpoint. Start-up logs a warning that
 * requests never reach the provider.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LoveandpayStandInTestAutoConfiguration.class,
		before = { LoveandpayAutoConfiguration.class, LoveandpayWebhookAutoConfiguration.class })
@Conditional(OnStandInDemoCondition.class)
@ConditionalOnMissingBean(LoveandpayStandIn.class)
@Import(StandInClientConfiguration.class)
public final class LoveandpayStandInAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LoveandpayStandInAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	LoveandpayStandIn loveandpayStandIn(Environment environment,
			ObjectProvider<LoveandpayStandInCustomizer> customizers) {
		LoveandpayStandIn standIn = StandInBeans.start(environment, customizers);
		logger.warn("loveandpay stand-in: " + OnStandInDemoCondition.ENABLED + " is true and no "
				+ OnStandInDemoCondition.API_KEY + " is set, so every loveandpay request goes to an in-JVM stand-in at "
				+ standIn.baseUrl() + ", never to loveandpay. Nobody is verified; do not use this in production.");
		return standIn;
	}

}
