package io.loveandpay.webhook;

import io.loveandpay.testsupport.Hints;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebhookRuntimeHints}.
 */
class WebhookRuntimeHintsTests {

	@Test
	void webhookEventIsRegisteredWithItsFieldsAndConstructors() {
		RuntimeHints hints = Hints.of(new WebhookRuntimeHints());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(LoveandpayWebhookEvent.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
	}

}
