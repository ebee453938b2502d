package io.loveandpay.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * The provider's v2 signature: lower-case hex HMAC-SHA256, keyed with the secret key,
 * over {@code METHOD + PATH + TIMESTAMP + hex(SHA-256(body))} with no separators.
 * <p>
 * Thread-safe: every signature uses its own {@link Mac} and {@link MessageDigest}.
 *
 * @since 0.1.0
 */
public final class HmacSha256RequestSigner implements LoveandpayRequestSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EMPTY_BODY_HASH = hex(sha256().digest());

	private final SecretKeySpec key;

	private final Mac prototype;

	private final boolean cloneable;

	/**
	 * Create a signer.
	 * @param secretKey the secret key ({@code sk_test_...} or {@code sk_live_...})
	 */
	public HmacSha256RequestSigner(String secretKey) {
		Assert.hasText(secretKey, "'secretKey' must not be empty");
		this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.prototype = newMac();
		this.cloneable = isCloneable(this.prototype);
	}

	@Override
	public String sign(String method, String rawPath, long timestampMillis, byte[] body) {
		Mac mac = mac();
		mac.update(method.getBytes(StandardCharsets.UTF_8));
		mac.update(rawPath.getBytes(StandardCharsets.UTF_8));
		mac.update(Long.toString(timestampMillis).getBytes(StandardCharsets.US_ASCII));
		mac.update((body.length != 0) ? hex(sha256().digest(body)) : EMPTY_BODY_HASH);
		return new String(hex(mac.doFinal()), StandardCharsets.US_ASCII);
	}

	private Mac mac() {
		if (this.cloneable) {
			try {
				return (Mac) this.prototype.clone();
			}
			catch (CloneNotSupportedException ex) {
				// fall through to a new instance
			}
		}
		return newMac();
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	private static boolean isCloneable(Mac mac) {
		try {
			mac.clone();
			return true;
		}
		catch (CloneNotSupportedException ex) {
			return false;
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	private static byte[] hex(byte[] bytes) {
		byte[] hex = new byte[bytes.length * 2];
		for (int i = 0; i < bytes.length; i++) {
			hex[i * 2] = HEX[(bytes[i] >> 4) & 0xF];
			hex[i * 2 + 1] = HEX[bytes[i] & 0xF];
		}
		return hex;
	}

	@Override
	public String toString() {
		return "HmacSha256RequestSigner[secretKey=******]";
	}

}
