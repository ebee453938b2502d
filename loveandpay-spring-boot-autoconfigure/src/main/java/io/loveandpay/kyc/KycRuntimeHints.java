package io.loveandpay.kyc;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the KYC models that Jackson binds: the envelopes the client reads
 * (and, through their components, the session items, statuses and verifications in them),
 * and the public models and webhook events an application writes as JSON.
 */
final class KycRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), SessionEnvelope.class,
				SessionListEnvelope.class, KycSession.class, KycSessionPage.class, KycWebhookEvent.class,
				KycWebhookSession.class, KycWebhookVerifiedData.class, KycLanguage.class);
	}

}
