package io.loveandpay.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link LoveandpayConfigurationException} into Boot's start-up failure report.
 */
class LoveandpayConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<LoveandpayConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LoveandpayConfigurationException cause) {
		String description = "The loveandpay client could not be configured: " + cause.getMessage() + ".";
		return new FailureAnalysis(description, cause.action(), cause);
	}

}
