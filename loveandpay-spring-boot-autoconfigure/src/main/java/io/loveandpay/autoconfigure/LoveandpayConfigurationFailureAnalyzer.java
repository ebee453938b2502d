package io.loveandpay.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a {@link LoveandpayConfigurationException} into Boot's start-up failure report.
 * When a required property is missing, the report also names any {@code loveandpay.*}
 * property that is not one of ours and looks like it (never its value).
 */
class LoveandpayConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<LoveandpayConfigurationException> {

	private final Environment environment;

	LoveandpayConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LoveandpayConfigurationException cause) {
		String description = "The loveandpay starter could not be configured: " + cause.getMessage() + ".";
		String action = cause.action();
		if (cause.missing()) {
			List<String> misspelt = MisspeltProperties.describe(this.environment, getClass().getClassLoader());
			if (!misspelt.isEmpty()) {
				action = action + System.lineSeparator() + System.lineSeparator()
						+ String.join(System.lineSeparator(), misspelt);
			}
		}
		return new FailureAnalysis(description, action, cause);
	}

}
