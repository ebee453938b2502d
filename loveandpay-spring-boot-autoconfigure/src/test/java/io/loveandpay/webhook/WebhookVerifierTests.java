package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.loveandpay.testsupport.WebhookFixtures;
import io.loveandpay.webhook.WebhookVerifier.Refusal;
import io.loveandpay.webhook.WebhookVerifier.Verification;
import org.junit.jupiter.api.Test;

import static io.loveandpay.testsupport.WebhookFixtures.PREVIOUS_SECRET;
import static io.loveandpay.testsupport.WebhookFixtures.SECRET;
import static io.loveandpay.testsupport.WebhookFixtures.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookVerifier}; expected signatures are computed with the bare JDK.
 */
class WebhookVerifierTests {

	private static final byte[] BODY = WebhookFixtures.kycCompleted("evt_verify_1").getBytes(StandardCharsets.UTF_8);

	private final WebhookVerifier verifier = new WebhookVerifier(SECRET);

	@Test
	void verifyWhenSignatureOfRawBodyAcceptsWithFirstSecret() {
		Verification verification = this.verifier.verify(BODY, signature(SECRET, BODY));
		assertThat(verification.verified()).isTrue();
		assertThat(verification.refusal()).isNull();
		assertThat(verification.secretIndex()).isZero();
	}

	@Test
	void verifyWhenHexIsUpperCaseAccepts() {
		String signature = signature(SECRET, BODY);
		String upper = "sha256=" + signature.substring("sha256=".length()).toUpperCase(Locale.ROOT);
		assertThat(upper).isNotEqualTo(signature);
		assertThat(this.verifier.verify(BODY, upper).verified()).isTrue();
	}

	@Test
	void verifyWhenSurroundedByWhitespaceAccepts() {
		assertThat(this.verifier.verify(BODY, " " + signature(SECRET, BODY) + "\t").verified()).isTrue();
	}

	@Test
	void verifyWhenOneByteChangedRefusesAsMismatch() {
		String signature = signature(SECRET, BODY);
		byte[] changed = BODY.clone();
		changed[changed.length / 2] ^= 1;
		assertThat(this.verifier.verify(changed, signature)).isEqualTo(new Verification(Refusal.MISMATCH, -1));
	}

	@Test
	void verifyWhenJsonReserialisedWithSameContentRefusesAsMismatch() {
		byte[] compact = "{\"id\":\"evt_1\",\"type\":\"kyc.completed\"}".getBytes(StandardCharsets.UTF_8);
		byte[] spaced = "{ \"id\": \"evt_1\", \"type\": \"kyc.completed\" }".getBytes(StandardCharsets.UTF_8);
		byte[] reordered = "{\"type\":\"kyc.completed\",\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
		String signature = signature(SECRET, compact);
		assertThat(this.verifier.verify(compact, signature).verified()).isTrue();
		assertThat(this.verifier.verify(spaced, signature).refusal()).isEqualTo(Refusal.MISMATCH);
		assertThat(this.verifier.verify(reordered, signature).refusal()).isEqualTo(Refusal.MISMATCH);
	}

	@Test
	void verifyWhenSignedWithAnotherSecretRefusesAsMismatch() {
		assertThat(this.verifier.verify(BODY, signature("whsec_someone_else", BODY)).refusal())
			.isEqualTo(Refusal.MISMATCH);
	}

	@Test
	void verifyWhenSignedWithTheApiSecretKeyRefusesAsMismatch() {
		assertThat(this.verifier.verify(BODY, signature("sk_test_canary_4f1d2b8e9c7a6b5d", BODY)).refusal())
			.isEqualTo(Refusal.MISMATCH);
	}

	@Test
	void verifyWhenHeaderMissingOrBlankRefusesAsMissing() {
		assertThat(this.verifier.verify(BODY, null)).isEqualTo(new Verification(Refusal.MISSING, -1));
		assertThat(this.verifier.verify(BODY, "").refusal()).isEqualTo(Refusal.MISSING);
		assertThat(this.verifier.verify(BODY, "  ").refusal()).isEqualTo(Refusal.MISSING);
	}

	@Test
	void verifyWhenNoSha256PrefixRefusesAsMalformed() {
		String hex = signature(SECRET, BODY).substring("sha256=".length());
		assertThat(this.verifier.verify(BODY, hex).refusal()).isEqualTo(Refusal.MALFORMED);
		assertThat(this.verifier.verify(BODY, "sha1=" + hex).refusal()).isEqualTo(Refusal.MALFORMED);
		assertThat(this.verifier.verify(BODY, "t=1764000000,v1=" + hex).refusal()).isEqualTo(Refusal.MALFORMED);
	}

	@Test
	void verifyWhenNotHexRefusesAsNotHex() {
		String hex = signature(SECRET, BODY).substring("sha256=".length());
		assertThat(this.verifier.verify(BODY, "sha256=" + hex.substring(0, 63) + "g").refusal())
			.isEqualTo(Refusal.NOT_HEX);
		assertThat(this.verifier.verify(BODY, "sha256=" + "z".repeat(64)).refusal()).isEqualTo(Refusal.NOT_HEX);
		assertThat(this.verifier.verify(BODY, "sha256=" + hex.substring(0, 32) + " " + hex.substring(33)).refusal())
			.isEqualTo(Refusal.NOT_HEX);
	}

	@Test
	void verifyWhenOddLengthOfNonAsciiDigitsRefusesAsNotHex() {
		// Character.digit accepts these digits; they are not hexadecimal in a header
		assertThat(this.verifier.verify(BODY, "sha256=" + "\u0661".repeat(63)).refusal()).isEqualTo(Refusal.NOT_HEX);
	}

	@Test
	void verifyWhenTruncatedRefusesAsWrongLength() {
		String hex = signature(SECRET, BODY).substring("sha256=".length());
		assertThat(this.verifier.verify(BODY, "sha256=" + hex.substring(0, 62)).refusal())
			.isEqualTo(Refusal.WRONG_LENGTH);
		assertThat(this.verifier.verify(BODY, "sha256=" + hex.substring(0, 63)).refusal())
			.isEqualTo(Refusal.WRONG_LENGTH);
		assertThat(this.verifier.verify(BODY, "sha256=").refusal()).isEqualTo(Refusal.WRONG_LENGTH);
		assertThat(this.verifier.verify(BODY, "sha256=" + hex + "00").refusal()).isEqualTo(Refusal.WRONG_LENGTH);
	}

	@Test
	void verifyWhenRotatingAcceptsEitherSecretAndSaysWhich() {
		WebhookVerifier rotating = new WebhookVerifier(List.of(SECRET, PREVIOUS_SECRET));
		assertThat(rotating.secrets()).isEqualTo(2);
		assertThat(rotating.verify(BODY, signature(PREVIOUS_SECRET, BODY))).isEqualTo(new Verification(null, 1));
		assertThat(rotating.verify(BODY, signature(SECRET, BODY))).isEqualTo(new Verification(null, 0));
		assertThat(rotating.verify(BODY, signature("whsec_third", BODY)).refusal()).isEqualTo(Refusal.MISMATCH);
	}

	@Test
	void verifyWhenTheSameSecretIsListedTwiceReportsTheFirst() {
		WebhookVerifier twice = new WebhookVerifier(SECRET, SECRET);
		assertThat(twice.verify(BODY, signature(SECRET, BODY)).secretIndex()).isZero();
	}

	@Test
	void verifyWhenBodyEmptyChecksItsSignatureToo() {
		byte[] empty = new byte[0];
		assertThat(this.verifier.verify(empty, signature(SECRET, empty)).verified()).isTrue();
		assertThat(this.verifier.verify(empty, signature(SECRET, BODY)).refusal()).isEqualTo(Refusal.MISMATCH);
	}

	@Test
	void createWhenNoSecretsThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(List.of()))
			.withMessageContaining("At least one webhook secret");
		assertThatIllegalArgumentException().isThrownBy(WebhookVerifier::new);
	}

	@Test
	void createWhenASecretIsBlankThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(""))
			.withMessageContaining("must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(List.of(SECRET, "  ")));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(Arrays.asList(SECRET, null)));
	}

	@Test
	void toStringShowsNoSecret() {
		WebhookVerifier rotating = new WebhookVerifier(SECRET, PREVIOUS_SECRET);
		assertThat(rotating).hasToString("WebhookVerifier[secrets=2]");
		assertThat(rotating.toString()).doesNotContain(SECRET, PREVIOUS_SECRET, "whsec", "canary");
	}

}
