package io.loveandpay.test.standin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The provider's check of a signed request: key, timestamp window and
 * {@code hex(HMAC-SHA256(secret, METHOD + PATH + TIMESTAMP + hex(SHA-256(body))))}.
 */
final class RequestCheck {

	private final String apiKey;

	private final SecretKeySpec key;

	private final Duration window;

	RequestCheck(String apiKey, String secretKey, Duration window) {
		this.apiKey = apiKey;
		this.window = window;
		this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * Check a request.
	 * @param method the method
	 * @param rawPath the raw path without query
	 * @param apiKey the {@code x-api-key} header
	 * @param timestamp the {@code x-timestamp} header
	 * @param signature the {@code x-signature} header
	 * @param body the body bytes as received
	 * @param now the stand-in's time
	 * @return the verdict and the refusal code, if any
	 */
	Result check(String method, String rawPath, @Nullable String apiKey, @Nullable String timestamp,
			@Nullable String signature, byte[] body, Instant now) {
		if (isBlank(apiKey) || isBlank(timestamp) || isBlank(signature)) {
			return new Result(SignatureVerdict.MISSING, "MISSING_HEADERS",
					"Headers x-api-key, x-timestamp and x-signature are required");
		}
		boolean valid = MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
				sign(method, rawPath, timestamp, body).getBytes(StandardCharsets.UTF_8));
		SignatureVerdict verdict = valid ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
		if (!MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8),
				this.apiKey.getBytes(StandardCharsets.UTF_8))) {
			return new Result(verdict, "INVALID_API_KEY", "Invalid API key");
		}
		long millis;
		try {
			millis = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return new Result(verdict, "INVALID_SIGNATURE", "x-timestamp must be Unix time in milliseconds");
		}
		if (Duration.between(Instant.ofEpochMilli(millis), now).abs().compareTo(this.window) > 0) {
			return new Result(verdict, "TIMESTAMP_EXPIRED", "Request timestamp is outside the allowed window");
		}
		if (!valid) {
			return new Result(verdict, "INVALID_SIGNATURE", "Invalid signature");
		}
		return new Result(verdict, null, null);
	}

	String sign(String method, String rawPath, String timestamp, byte[] body) {
		try {
			String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] hmac = mac.doFinal((method.toUpperCase(java.util.Locale.ROOT) + rawPath + timestamp + bodyHash)
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hmac);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The outcome of a check.
	 *
	 * @param verdict the signature verdict
	 * @param code the provider's refusal code, or {@code null} when accepted
	 * @param message the refusal message
	 */
	record Result(SignatureVerdict verdict, @Nullable String code, @Nullable String message) {

	}

}
