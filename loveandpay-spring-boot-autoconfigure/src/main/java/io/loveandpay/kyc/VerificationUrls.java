package io.loveandpay.kyc;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.internal.Loopback;

/**
 * Judges the {@code verificationUrl} of a session, the page merchants send their
 * customers' browsers to. Accepted: an absolute, hierarchical {@code https} URL with a
 * host, no user info, and at most {@value #MAX_LENGTH} characters (the length browsers
 * and proxies handle everywhere; the provider's are under 100). Plain {@code http} is
 * accepted only when the API base URL itself is a plain {@code http} stand-in on a
 * loopback address ({@code localhost}, an IP literal in {@code 127.0.0.0/8} or
 * {@code ::1}, judged from the text without a DNS lookup), as in tests. Anything else,
 * such as {@code javascript:...}, a relative URL or a huge one, is refused.
 */
final class VerificationUrls {

	static final int MAX_LENGTH = 2048;

	private final boolean plainHttpAllowed;

	/**
	 * Create an instance for a client with this base URL.
	 * @param apiBaseUrl the API base URL, or {@code null} when unknown (then only
	 * {@code https} is accepted)
	 */
	VerificationUrls(@Nullable URI apiBaseUrl) {
		this.plainHttpAllowed = apiBaseUrl != null && "http".equalsIgnoreCase(apiBaseUrl.getScheme())
				&& Loopback.isLoopback(apiBaseUrl);
	}

	/**
	 * Return whether a browser may be sent to the URL.
	 * @param url the URL from an answer
	 * @return {@code true} when it passes every check
	 */
	boolean isSafe(URI url) {
		if (url.toString().length() > MAX_LENGTH || !url.isAbsolute() || url.isOpaque() || url.getHost() == null
				|| url.getRawUserInfo() != null) {
			return false;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals("https") || (scheme.equals("http") && this.plainHttpAllowed);
	}

}
