package io.loveandpay.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recomputes the provider's signature from what reached the server, independently of the
 * client's signer:
 * {@code hex(HMAC-SHA256(secret, METHOD + PATH + TIMESTAMP + hex(SHA-256(body))))}.
 */
public final class SignatureCheck {

	private SignatureCheck() {
	}

	public static String expected(String secret, String method, String rawPath, String timestamp, byte[] body) {
		try {
			String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String toSign = method + rawPath + timestamp + bodyHash;
			return HexFormat.of().formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String rawPath(LoggedRequest request) {
		String url = request.getUrl();
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	public static void assertSigned(LoggedRequest request, String apiKey, String secret) {
		assertThat(request.getHeader("x-api-key")).isEqualTo(apiKey);
		String timestamp = request.getHeader("x-timestamp");
		assertThat(timestamp).matches("[0-9]{13}");
		String signature = request.getHeader("x-signature");
		assertThat(signature).matches("[0-9a-f]{64}");
		assertThat(signature).as("signature of %s %s", request.getMethod(), request.getUrl())
			.isEqualTo(expected(secret, request.getMethod().getName(), rawPath(request), timestamp, request.getBody()));
	}

}
