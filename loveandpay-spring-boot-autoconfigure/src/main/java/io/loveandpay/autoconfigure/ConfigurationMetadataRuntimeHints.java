package io.loveandpay.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for the configuration metadata that the start-up failure report reads to
 * name misspelt {@code loveandpay.*} properties.
 */
final class ConfigurationMetadataRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(MisspeltProperties.METADATA);
	}

}
