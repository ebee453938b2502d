package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.loveandpay.testsupport.MutableClock;
import io.loveandpay.testsupport.WebhookFixtures;
import org.junit.jupiter.api.Test;

import static io.loveandpay.testsupport.WebhookFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookSigner} and {@link SignedWebhook}.
 */
class WebhookSignerTests {

	private static final Instant NOW = Instant.parse("2025-11-24T16:00:05.123Z");

	private static final String JSON = WebhookFixtures.kycCompleted("evt_signer_1");

	private final WebhookSigner signer = new WebhookSigner(SECRET, new MutableClock(NOW));

	@Test
	void signAddsTheProvidersHeaders() {
		SignedWebhook webhook = this.signer.sign(JSON);
		assertThat(webhook.headers()).containsOnlyKeys("Content-Type", "User-Agent", "x-webhook-signature",
				"x-webhook-id", "x-webhook-timestamp");
		assertThat(webhook.header("User-Agent")).isEqualTo("LovePay/1.0");
		assertThat(webhook.header("Content-Type")).isEqualTo("application/json");
		assertThat(webhook.header("x-webhook-signature")).matches("sha256=[0-9a-f]{64}");
		assertThat(webhook.header("x-webhook-id")).startsWith("whd_");
		assertThat(webhook.header("x-webhook-timestamp")).isEqualTo(Long.toString(NOW.toEpochMilli()));
		assertThat(webhook.bodyText()).isEqualTo(JSON);
	}

	@Test
	void signGivesEachDeliveryAFreshId() {
		assertThat(this.signer.sign(JSON).header("x-webhook-id"))
			.isNotEqualTo(this.signer.sign(JSON).header("x-webhook-id"));
	}

	@Test
	void signWithGivenIdAndTimestampUsesThem() {
		Instant sent = Instant.parse("2025-11-24T16:01:00Z");
		SignedWebhook webhook = this.signer.sign(JSON.getBytes(StandardCharsets.UTF_8), "whd_fixed", sent);
		assertThat(webhook.header("x-webhook-id")).isEqualTo("whd_fixed");
		assertThat(webhook.header("x-webhook-timestamp")).isEqualTo("1764000060000");
	}

	@Test
	void signatureVerifiesWithTheVerifierAndEqualsTheBareJdkHmac() {
		SignedWebhook webhook = this.signer.sign(JSON);
		String signature = webhook.header("x-webhook-signature");
		assertThat(signature).isEqualTo(WebhookFixtures.signature(SECRET, webhook.body()));
		WebhookVerifier.Verification verification = new WebhookVerifier(SECRET).verify(webhook.body(), signature);
		assertThat(verification.verified()).isTrue();
		assertThat(new WebhookVerifier("whsec_other").verify(webhook.body(), signature).verified()).isFalse();
	}

	@Test
	void signedWebhookBodyCannotBeChangedFromOutside() {
		byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
		SignedWebhook webhook = this.signer.sign(body);
		body[0] = 'X';
		webhook.body()[1] = 'X';
		assertThat(webhook.bodyText()).isEqualTo(JSON);
	}

	@Test
	void headerWhenAbsentThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(JSON).header("x-signature"))
			.withMessageContaining("x-signature");
	}

	@Test
	void createWhenSecretBlankThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSigner(" "));
	}

	@Test
	void toStringHidesSecretAndBody() {
		SignedWebhook webhook = this.signer.sign(JSON);
		assertThat(this.signer.toString()).doesNotContain(SECRET, "canary");
		assertThat(webhook.toString()).doesNotContain(webhook.header("x-webhook-signature").substring(7), "Иван",
				"evt_signer_1", "kyc_abc123", "ivan.petrov@example.com");
		assertThat(webhook.toString()).contains(webhook.body().length + " bytes");
	}

}
