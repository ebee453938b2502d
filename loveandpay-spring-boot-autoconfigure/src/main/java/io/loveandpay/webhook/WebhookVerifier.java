package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks the provider's webhook signature: the {@code x-webhook-signature} header is
 * {@code sha256=} and the lower-case hex HMAC-SHA256 of the raw body bytes, keyed with
 * the webhook secret. The signature covers the body alone, never the {@code x-webhook-id}
 * or {@code x-webhook-timestamp} headers.
 * <p>
 * Several secrets may be given while one is rotated: any one of them verifying is enough,
 * and the {@link Verification} says which. The comparison takes constant time.
 * Thread-safe; a plain class that needs no Spring.
 *
 * @since 0.1.0
 */
public final class WebhookVerifier {

	/**
	 * Name of the header that carries the signature.
	 */
	public static final String SIGNATURE_HEADER = "x-webhook-signature";

	/**
	 * What the signature header starts with.
	 */
	public static final String SIGNATURE_PREFIX = "sha256=";

	static final String ALGORITHM = "HmacSHA256";

	private static final int SIGNATURE_BYTES = 32;

	private final List<SecretKeySpec> keys;

	/**
	 * Create a verifier.
	 * @param secrets the webhook secrets, the current one first
	 */
	public WebhookVerifier(List<String> secrets) {
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one webhook secret is required");
		}
		this.keys = secrets.stream().map(WebhookVerifier::key).toList();
	}

	/**
	 * Create a verifier.
	 * @param secrets the webhook secrets, the current one first
	 */
	public WebhookVerifier(String... secrets) {
		this(List.of(secrets));
	}

	static SecretKeySpec key(@Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("A webhook secret must not be empty");
		}
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * Return how many secrets this verifier holds.
	 * @return the number of secrets
	 */
	public int secrets() {
		return this.keys.size();
	}

	/**
	 * Check a delivery's signature.
	 * @param body the raw body bytes, as received
	 * @param signatureHeader the {@value #SIGNATURE_HEADER} header, or {@code null} when
	 * there was none
	 * @return whether it verified, and with which secret
	 */
	public Verification verify(byte[] body, @Nullable String signatureHeader) {
		if (signatureHeader == null || signatureHeader.isBlank()) {
			return Verification.refused(Refusal.MISSING);
		}
		String value = signatureHeader.strip();
		if (!value.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
			return Verification.refused(Refusal.MALFORMED);
		}
		String hex = value.substring(SIGNATURE_PREFIX.length());
		byte[] provided;
		try {
			provided = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return Verification
				.refused(((hex.length() % 2) != 0 && isHex(hex)) ? Refusal.WRONG_LENGTH : Refusal.NOT_HEX);
		}
		if (provided.length != SIGNATURE_BYTES) {
			return Verification.refused(Refusal.WRONG_LENGTH);
		}
		int matched = -1;
		for (int i = 0; i < this.keys.size(); i++) {
			if (MessageDigest.isEqual(hmac(this.keys.get(i), body), provided) && matched < 0) {
				matched = i;
			}
		}
		return (matched >= 0) ? Verification.verified(matched) : Verification.refused(Refusal.MISMATCH);
	}

	private static boolean isHex(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				return false;
			}
		}
		return true;
	}

	static byte[] hmac(SecretKeySpec key, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookVerifier[secrets=" + this.keys.size() + "]";
	}

	/**
	 * Why a signature was refused. Meant for logs: the answer to the sender never says.
	 */
	public enum Refusal {

		/**
		 * There was no signature header.
		 */
		MISSING("no x-webhook-signature header"),

		/**
		 * The header does not start with {@code sha256=}.
		 */
		MALFORMED("the signature header does not start with sha256="),

		/**
		 * The signature is not hexadecimal.
		 */
		NOT_HEX("the signature is not hexadecimal"),

		/**
		 * The signature is not 64 hexadecimal digits long.
		 */
		WRONG_LENGTH("the signature is not 64 hexadecimal digits long"),

		/**
		 * The signature is well formed but no secret gives it.
		 */
		MISMATCH("the signature does not match the body with any configured webhook secret");

		private final String description;

		Refusal(String description) {
			this.description = description;
		}

		/**
		 * Return a description for logs.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

	/**
	 * The result of a check.
	 *
	 * @param refusal why the signature was refused, or {@code null} when it verified
	 * @param secretIndex the position of the secret that verified it (0 for the current
	 * one), or -1
	 */
	public record Verification(@Nullable Refusal refusal, int secretIndex) {

		static Verification verified(int secretIndex) {
			return new Verification(null, secretIndex);
		}

		static Verification refused(Refusal refusal) {
			return new Verification(refusal, -1);
		}

		/**
		 * Return whether the signature verified.
		 * @return whether it verified
		 */
		public boolean verified() {
			return this.refusal == null;
		}

	}

}
