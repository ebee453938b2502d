package io.loveandpay.test.autoconfigure;

import java.util.List;

import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Builds the stand-in bean of the test and the demo auto-configurations: it signs
 * webhooks with the application's current {@code loveandpay.webhook.secret} when one is
 * set, and the customizers apply last.
 */
final class StandInBeans {

	static final String WEBHOOK_SECRET = "loveandpay.webhook.secret";

	private StandInBeans() {
	}

	static LoveandpayStandIn start(Environment environment, ObjectProvider<LoveandpayStandInCustomizer> customizers) {
		LoveandpayStandIn.Builder builder = LoveandpayStandIn.builder();
		List<String> secrets = Binder.get(environment)
			.bind(WEBHOOK_SECRET, Bindable.listOf(String.class))
			.orElse(List.of());
		if (!secrets.isEmpty() && !secrets.get(0).isBlank()) {
			builder.webhookSecret(secrets.get(0));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.start();
	}

}
