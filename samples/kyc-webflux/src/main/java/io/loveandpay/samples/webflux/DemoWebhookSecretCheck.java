package io.loveandpay.samples.webflux;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with keys and the demo webhook secret of {@code application.yml}: that
 * secret is public, so anyone could sign a webhook that approves a customer. With the
 * in-app stand-in, the demo secret is what it should be.
 */
@Component
class DemoWebhookSecretCheck {

	static final String DEMO_SECRET = "whsec_demo";

	DemoWebhookSecretCheck(StandInMode standInMode, Environment environment) {
		List<String> secrets = Binder.get(environment)
			.bind("loveandpay.webhook.secret", Bindable.listOf(String.class))
			.orElse(List.of());
		if (!standInMode.isActive() && secrets.contains(DEMO_SECRET)) {
			throw new IllegalStateException(
					"loveandpay.webhook.secret is the public demo secret while loveandpay.api-key "
							+ "is set: set LOVEANDPAY_WEBHOOK_SECRET to the webhook secret from loveandpay's dashboard");
		}
	}

}
