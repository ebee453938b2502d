package io.loveandpay.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The SHA-256 of no bytes, written out so that loading the class does not start the
	 * JVM's security providers (a test checks it against {@code MessageDigest}).
	 */
	static final byte[] EMPTY_BODY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		.getBytes(StandardCharsets.US_ASCII);

	private final byte[] key;

	private volatile @Nullable Prototypes prototypes;

	/**
	 * Create a signer.
	 * @param secretKey the secret key ({@code sk_test_...} or {@code sk_live_...})
	 */
	public HmacSha256RequestSigner(String secretKey) {
		Assert.hasText(secretKey, "'secretKey' must not be empty");
		this.key = secretKey.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String sign(String method, String rawPath, long timestampMillis, byte[] body) {
		Prototypes prototypes = prototypes();
		Mac mac = prototypes.mac();
		mac.update(method.getBytes(StandardCharsets.UTF_8));
		mac.update(rawPath.getBytes(StandardCharsets.UTF_8));
		mac.update(Long.toString(timestampMillis).getBytes(StandardCharsets.US_ASCII));
		mac.update((body.length != 0) ? hex(prototypes.sha256().digest(body)) : EMPTY_BODY_HASH);
		return new String(hex(mac.doFinal()), StandardCharsets.US_ASCII);
	}

	/**
	 * Return the prototypes, made on the first signature so that start-up never starts
	 * the JVM's security providers. Two first signatures at once may each make them;
	 * either serves.
	 */
	private Prototypes prototypes() {
		Prototypes prototypes = this.prototypes;
		if (prototypes == null) {
			prototypes = new Prototypes(this.key);
			this.prototypes = prototypes;
		}
		return prototypes;
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

	/**
	 * An initialised {@link Mac} and a {@link MessageDigest} that each signature clones:
	 * cheaper than looking the algorithms up and keying the {@link Mac} every time, and
	 * safe across threads because the prototypes themselves are never used.
	 */
	private static final class Prototypes {

		private final byte[] key;

		private final Mac mac;

		private final MessageDigest sha256;

		private final boolean cloneable;

		Prototypes(byte[] key) {
			this.key = key;
			this.mac = newMac(key);
			this.sha256 = newSha256();
			this.cloneable = cloneable(this.mac, this.sha256);
		}

		Mac mac() {
			if (this.cloneable) {
				try {
					return (Mac) this.mac.clone();
				}
				catch (CloneNotSupportedException ex) {
					// checked when made; not reached
				}
			}
			return newMac(this.key);
		}

		MessageDigest sha256() {
			if (this.cloneable) {
				try {
					return (MessageDigest) this.sha256.clone();
				}
				catch (CloneNotSupportedException ex) {
					// checked when made; not reached
				}
			}
			return newSha256();
		}

		private static Mac newMac(byte[] key) {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(new SecretKeySpec(key, ALGORITHM));
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
			}
		}

		private static MessageDigest newSha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
			}
		}

		private static boolean cloneable(Mac mac, MessageDigest sha256) {
			try {
				mac.clone();
				sha256.clone();
				return true;
			}
			catch (CloneNotSupportedException ex) {
				return false;
			}
		}

	}

}
