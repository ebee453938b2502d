package io.loveandpay.autoconfigure.webhook;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Auto-configuration of a security filter chain scoped to the webhook endpoint, when
 * Spring Security is present.
 *
 * @since 0.1.0
 */
@AutoConfiguration
public final class LoveandpayWebhookSecurityAutoConfiguration {

}
