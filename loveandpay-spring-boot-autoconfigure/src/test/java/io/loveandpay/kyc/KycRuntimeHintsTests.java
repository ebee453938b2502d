package io.loveandpay.kyc;

import io.loveandpay.testsupport.Hints;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KycRuntimeHints}.
 */
class KycRuntimeHintsTests {

	private final RuntimeHints hints = Hints.of(new KycRuntimeHints());

	@Test
	void envelopesTheClientReadsAreBindable() {
		assertThat(Hints.bindableRecord(SessionEnvelope.class)).accepts(this.hints);
		assertThat(Hints.bindableRecord(SessionListEnvelope.class)).accepts(this.hints);
	}

	@Test
	void typesInsideTheEnvelopesAreBindable() {
		assertThat(Hints.bindableRecord(SessionItem.class)).accepts(this.hints);
		assertThat(Hints.bindableRecord(SessionListEnvelope.Pagination.class)).accepts(this.hints);
		assertThat(Hints.bindableRecord(KycVerification.class)).accepts(this.hints);
	}

	@Test
	void statusIsReadThroughItsCreatorAndWrittenAsItsValue() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(KycStatus.class, "of")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(KycStatus.class, "value"))
			.accepts(this.hints);
	}

	@Test
	void languageIsWrittenAsItsValue() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(KycLanguage.class, "value"))
			.accepts(this.hints);
	}

	@Test
	void publicModelsAnApplicationWritesAsJsonAreBindable() {
		assertThat(Hints.bindableRecord(KycSession.class)).accepts(this.hints);
		assertThat(Hints.bindableRecord(KycSessionPage.class)).accepts(this.hints);
		assertThat(Hints.bindableRecord(KycWebhookSession.class)).accepts(this.hints);
		assertThat(Hints.bindableRecord(KycWebhookVerifiedData.class)).accepts(this.hints);
	}

	@Test
	void kycWebhookEventIsRegisteredWithItsFieldsAndConstructors() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(KycWebhookEvent.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(this.hints);
	}

}
