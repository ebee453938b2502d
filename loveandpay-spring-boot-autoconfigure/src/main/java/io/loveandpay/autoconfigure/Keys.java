package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks the configured keys and base URL, failing with a message that names the property
 * and never shows a key.
 */
final class Keys {

	static final String API_KEY = "loveandpay.api-key";

	static final String SECRET_KEY = "loveandpay.secret-key";

	static final String BASE_URL = "loveandpay.base-url";

	private static final String API_PATH = "/api/v2";

	private static final Log logger = LogFactory.getLog(Keys.class);

	private Keys() {
	}

	static String apiKey(LoveandpayProperties properties) {
		return check(API_KEY, "LOVEANDPAY_API_KEY", properties.getApiKey(), "pk_", "public key");
	}

	static String secretKey(LoveandpayProperties properties) {
		String secretKey = check(SECRET_KEY, "LOVEANDPAY_SECRET_KEY", properties.getSecretKey(), "sk_", "secret key");
		String apiKey = properties.getApiKey();
		if (apiKey != null && apiKey.startsWith("pk_") && !mode(apiKey).equals(mode(secretKey))) {
			throw new LoveandpayConfigurationException(SECRET_KEY,
					"is a " + mode(secretKey) + " key but " + API_KEY + " is a " + mode(apiKey) + " key",
					"Use the public and secret key of the same mode: pk_test_ with sk_test_ for test mode, "
							+ "pk_live_ with sk_live_ for live mode.");
		}
		return secretKey;
	}

	static String mode(String key) {
		if (key.length() > 3 && key.startsWith("test_", 3)) {
			return "test";
		}
		if (key.length() > 3 && key.startsWith("live_", 3)) {
			return "live";
		}
		return "unknown";
	}

	static String masked(@Nullable String key) {
		if (key == null) {
			return "null";
		}
		int visible = key.startsWith("pk_test_") ? 8 : (key.startsWith("pk_live_") ? 8 : 0);
		return key.substring(0, visible) + "******";
	}

	private static String check(String property, String variable, @Nullable String value, String prefix, String kind) {
		if (value == null || value.isBlank()) {
			throw new LoveandpayConfigurationException(property, "is not set", where(property, variable, prefix, kind));
		}
		if (hasWhitespaceOrControl(value)) {
			throw new LoveandpayConfigurationException(property, "contains white space or a line break",
					"Remove the white space around or inside the key; copy it again from the dashboard if needed.");
		}
		String otherPrefix = prefix.equals("pk_") ? "sk_" : "pk_";
		if (value.startsWith(otherPrefix)) {
			throw new LoveandpayConfigurationException(property,
					"holds a " + (prefix.equals("pk_") ? "secret" : "public") + " key (" + otherPrefix + "...)",
					"The keys look swapped: put the public key (pk_...) in " + API_KEY
							+ " and the secret key (sk_...) in " + SECRET_KEY + ".");
		}
		if (mode(value).equals("unknown") || !value.startsWith(prefix) || value.length() <= prefix.length() + 5) {
			throw new LoveandpayConfigurationException(property,
					"is not a loveandpay " + kind + ": it must start with " + prefix + "test_ or " + prefix + "live_",
					where(property, variable, prefix, kind));
		}
		return value;
	}

	// Messages are built only on failure: a started application never pays for them.
	private static String where(String property, String variable, String prefix, String kind) {
		return "Set " + property + " (or the " + variable + " environment variable) to the " + kind
				+ " of your loveandpay account: " + prefix + "test_... for test mode, " + prefix
				+ "live_... for live mode.";
	}

	private static boolean hasWhitespaceOrControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || Character.isWhitespace(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Check the base URL, warning of plain http to another host, before any call.
	 * @param properties the properties
	 * @return the API's base URL
	 */
	static URI checkedApiBaseUrl(LoveandpayProperties properties) {
		URI apiBaseUrl = apiBaseUrl(properties);
		if ("http".equals(apiBaseUrl.getScheme()) && !isLoopback(apiBaseUrl)) {
			logger.warn(BASE_URL + " uses plain http to " + apiBaseUrl.getHost()
					+ ": requests, their signatures and the customers' data travel unencrypted. Use https.");
		}
		return apiBaseUrl;
	}

	static URI apiBaseUrl(LoveandpayProperties properties) {
		URI baseUrl = properties.getBaseUrl();
		if (baseUrl == null) {
			throw new LoveandpayConfigurationException(BASE_URL, "is empty", "Remove " + BASE_URL + " to use "
					+ LoveandpayProperties.DEFAULT_BASE_URL + ", or set it to the API's URL.");
		}
		String scheme = (baseUrl.getScheme() != null) ? baseUrl.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!baseUrl.isAbsolute() || baseUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new LoveandpayConfigurationException(BASE_URL, "is not an absolute http or https URL",
					"Set " + BASE_URL + " to a URL such as " + LoveandpayProperties.DEFAULT_BASE_URL + ".");
		}
		if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new LoveandpayConfigurationException(BASE_URL, "has user info, a query or a fragment",
					"Set " + BASE_URL + " to scheme, host, port and path only, such as "
							+ LoveandpayProperties.DEFAULT_BASE_URL + ".");
		}
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (path.endsWith(API_PATH)) {
			throw new LoveandpayConfigurationException(BASE_URL, "ends with " + API_PATH,
					"Remove " + API_PATH + " from " + BASE_URL + ": the client adds it to every request.");
		}
		String authority = baseUrl.getRawAuthority();
		return URI.create(scheme + "://" + authority + path + API_PATH);
	}

	static boolean isLoopback(URI uri) {
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
				|| host.equals("[::1]") || host.equals("::1");
	}

}
