package io.loveandpay.autoconfigure.webhook;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code loveandpay.webhook.enabled} is true, or is unset and
 * {@code loveandpay.webhook.secret} is set. Enabled without a secret matches, so that
 * start-up fails and says what to set, rather than leave an endpoint off silently.
 */
class OnWebhookCondition extends SpringBootCondition {

	static final String ENABLED = "loveandpay.webhook.enabled";

	static final String SECRET = "loveandpay.webhook.secret";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("loveandpay webhook endpoint");
		Binder binder = Binder.get(context.getEnvironment());
		Boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(null);
		if (enabled != null) {
			return enabled ? ConditionOutcome.match(message.because(ENABLED + " is true"))
					: ConditionOutcome.noMatch(message.because(ENABLED + " is false"));
		}
		List<String> secrets = binder.bind(SECRET, Bindable.listOf(String.class)).orElse(List.of());
		return secrets.isEmpty() ? ConditionOutcome.noMatch(message.because(SECRET + " is not set"))
				: ConditionOutcome.match(message.because(SECRET + " is set"));
	}

}
