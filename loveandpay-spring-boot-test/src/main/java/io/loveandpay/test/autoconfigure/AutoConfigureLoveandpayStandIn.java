package io.loveandpay.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Annotation for a test class that runs the application against a
 * {@link LoveandpayStandIn} instead of the provider. The stand-in is a bean of the test
 * context: started with it, on a random loopback port, and closed with it, so that a
 * cached context keeps its stand-in and port. It also:
 * <ul>
 * <li>supplies the {@link io.loveandpay.autoconfigure.LoveandpayConnectionDetails}
 * pointing at the stand-in with its keys, which wins over the {@code loveandpay.*}
 * properties;</li>
 * <li>sets {@code loveandpay.webhook.secret} to the {@link #webhookSecret() secret} the
 * stand-in signs webhooks with, which turns the application's webhook endpoint on;</li>
 * <li>sends the stand-in's webhooks to the application's own server port and
 * {@code loveandpay.webhook.path} once its web server has started (a {@code MOCK} web
 * environment has no port: there the stand-in sends none until a test gives it a
 * URL);</li>
 * <li>resets the stand-in's sessions, scripted faults, journal and webhook settings
 * before each test method, and points its webhooks at the application again.</li>
 * </ul>
 * A {@link LoveandpayStandInCustomizer} bean adjusts the stand-in before it starts.
 *
 * @since 0.1.0
 * @see LoveandpayStandInTestAutoConfiguration
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("loveandpay.webhook")
public @interface AutoConfigureLoveandpayStandIn {

	/**
	 * Webhook secret the stand-in signs with, set as {@code loveandpay.webhook.secret} of
	 * the test context so that the application's endpoint verifies the stand-in's
	 * deliveries.
	 * @return the webhook secret
	 */
	@PropertyMapping("secret")
	String webhookSecret() default LoveandpayStandIn.DEFAULT_WEBHOOK_SECRET;

}
