package io.loveandpay.client.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What to check when the provider refuses the credentials (HTTP 401) or the access (HTTP
 * 403), by error code: the one text that both the exceptions' messages and the health
 * details show.
 *
 * @since 0.1.0
 */
public final class RefusalHints {

	private static final Map<String, String> BY_CODE = Map.of("INVALID_SIGNATURE",
			"The provider rejected the signature: check that loveandpay.secret-key is the secret of loveandpay.api-key "
					+ "(both test or both live keys) and that loveandpay.base-url is the provider's API.",
			"MISSING_HEADERS",
			"The signing headers did not reach the provider: check proxies between this application and the API.",
			"TIMESTAMP_EXPIRED", "This machine's clock is off: synchronise it (NTP).", "SOURCE_IP_NOT_ALLOWED",
			"Add this machine's public IP address to the allow list in the loveandpay dashboard.",
			"DOMAIN_NOT_VERIFIED", "Verify the merchant's domain in the loveandpay dashboard.", "PARTNER_INACTIVE",
			"The merchant account is inactive: contact loveandpay.", "API_BLOCKED",
			"API access is blocked for this account: contact loveandpay.");

	private static final String CREDENTIALS = "Check loveandpay.api-key and loveandpay.secret-key (both test or both "
			+ "live keys) and loveandpay.base-url.";

	private static final String ACCESS = "Check the account's settings in the loveandpay dashboard.";

	private RefusalHints() {
	}

	/**
	 * Return what to check when the provider refused the credentials.
	 * @param code the provider's error code, if any
	 * @return one or two sentences
	 */
	public static String credentialsRefused(@Nullable String code) {
		return forCode(code, CREDENTIALS);
	}

	/**
	 * Return what to check when the provider refused the access.
	 * @param code the provider's error code, if any
	 * @return one or two sentences
	 */
	public static String accessDenied(@Nullable String code) {
		return forCode(code, ACCESS);
	}

	private static String forCode(@Nullable String code, String otherwise) {
		return (code != null) ? BY_CODE.getOrDefault(code, otherwise) : otherwise;
	}

}
