package io.loveandpay.test.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code loveandpay.stand-in.enabled} is true and no
 * {@code loveandpay.api-key} is set (nor {@code LOVEANDPAY_API_KEY}): an application with
 * keys never talks to the stand-in, whatever the flag says.
 */
class OnStandInDemoCondition extends SpringBootCondition {

	static final String ENABLED = "loveandpay.stand-in.enabled";

	static final String API_KEY = "loveandpay.api-key";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("loveandpay stand-in in the application");
		Binder binder = Binder.get(context.getEnvironment());
		if (!binder.bind(ENABLED, Boolean.class).orElse(false)) {
			return ConditionOutcome.noMatch(message.because(ENABLED + " is not true"));
		}
		String apiKey = binder.bind(API_KEY, String.class).orElse("");
		if (!apiKey.isBlank()) {
			return ConditionOutcome.noMatch(message.because(API_KEY + " is set"));
		}
		return ConditionOutcome.match(message.because(ENABLED + " is true and " + API_KEY + " is not set"));
	}

}
