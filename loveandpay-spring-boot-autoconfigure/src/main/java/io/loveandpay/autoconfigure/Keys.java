package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.Locale;

import io.loveandpay.client.internal.Loopback;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks the keys and base URL that the {@link LoveandpayConnectionDetails} supply,
 * failing with a message that names the property, or the method of the connection details
 * bean, that supplied them, and never shows a key.
 */
final class Keys {

	static final String API_KEY = "loveandpay.api-key";

	static final String SECRET_KEY = "loveandpay.secret-key";

	static final String BASE_URL = "loveandpay.base-url";

	static final String ALLOW_PLAIN_HTTP = "loveandpay.allow-plain-http";

	private static final String API_PATH = "/api/v2";

	private static final Log logger = LogFactory.getLog(Keys.class);

	private Keys() {
	}

	static String apiKey(LoveandpayConnectionDetails details) {
		Source source = Source.of(details);
		return check(source, source.apiKey(), "LOVEANDPAY_API_KEY", details.getApiKey(), "pk_", "public key");
	}

	static String secretKey(LoveandpayConnectionDetails details) {
		Source source = Source.of(details);
		String secretKey = check(source, source.secretKey(), "LOVEANDPAY_SECRET_KEY", details.getSecretKey(), "sk_",
				"secret key");
		String apiKey = details.getApiKey();
		if (apiKey != null && apiKey.startsWith("pk_") && !mode(apiKey).equals(mode(secretKey))) {
			throw new LoveandpayConfigurationException(source.secretKey(),
					"is a " + mode(secretKey) + " key but " + source.apiKey() + " is a " + mode(apiKey) + " key",
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

	private static String check(Source source, String name, String variable, @Nullable String value, String prefix,
			String kind) {
		if (value == null || value.isBlank()) {
			throw new LoveandpayConfigurationException(name, "is not set", where(source, name, variable, prefix, kind),
					source.properties());
		}
		if (hasWhitespaceOrControl(value)) {
			throw new LoveandpayConfigurationException(name, "contains white space or a line break",
					"Remove the white space around or inside the key; copy it again from the dashboard if needed.");
		}
		String otherPrefix = prefix.equals("pk_") ? "sk_" : "pk_";
		if (value.startsWith(otherPrefix)) {
			throw new LoveandpayConfigurationException(name,
					"holds a " + (prefix.equals("pk_") ? "secret" : "public") + " key (" + otherPrefix + "...)",
					"The keys look swapped: put the public key (pk_...) in " + source.apiKey()
							+ " and the secret key (sk_...) in " + source.secretKey() + ".");
		}
		if (mode(value).equals("unknown") || !value.startsWith(prefix) || value.length() <= prefix.length() + 5) {
			throw new LoveandpayConfigurationException(name,
					"is not a loveandpay " + kind + ": it must start with " + prefix + "test_ or " + prefix + "live_",
					where(source, name, variable, prefix, kind));
		}
		return value;
	}

	// Messages are built only on failure: a started application never pays for them.
	private static String where(Source source, String name, String variable, String prefix, String kind) {
		String target = source.properties() ? name + " (or the " + variable + " environment variable)" : name;
		return source.setTo(target, "the " + kind + " of your loveandpay account: " + prefix
				+ "test_... for test mode, " + prefix + "live_... for live mode.");
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
	 * Check the base URL before any call. Plain http to a host other than loopback fails
	 * unless the application allows it, and never starts with live keys.
	 * @param details the connection details
	 * @param allowPlainHttp whether plain http to a host other than loopback is allowed
	 * @return the API's base URL
	 */
	static URI checkedApiBaseUrl(LoveandpayConnectionDetails details, boolean allowPlainHttp) {
		URI apiBaseUrl = apiBaseUrl(details);
		if ("http".equals(apiBaseUrl.getScheme()) && !isLoopback(apiBaseUrl)) {
			String name = Source.of(details).baseUrl();
			String problem = "uses plain http to " + apiBaseUrl.getHost();
			if ("live".equals(mode(details.getApiKey()))) {
				throw new LoveandpayConfigurationException(name, problem + " with live keys",
						"Use https: live keys are never used over plain http to another machine, whatever "
								+ ALLOW_PLAIN_HTTP + " says.");
			}
			if (!allowPlainHttp) {
				throw new LoveandpayConfigurationException(name, problem,
						"Use https, or a loopback address (localhost, 127.0.0.1 or ::1) for a local stand-in. "
								+ "To send test-mode calls unencrypted to another machine, set " + ALLOW_PLAIN_HTTP
								+ "=true.");
			}
			logger.warn(name + " " + problem
					+ ": requests, their signatures and the customers' data travel unencrypted. Use https.");
		}
		return apiBaseUrl;
	}

	static URI apiBaseUrl(LoveandpayConnectionDetails details) {
		Source source = Source.of(details);
		String name = source.baseUrl();
		@Nullable URI baseUrl = details.getBaseUrl();
		if (baseUrl == null) {
			throw new LoveandpayConfigurationException(name, "is empty", source.properties()
					? "Remove " + BASE_URL + " to use " + LoveandpayProperties.DEFAULT_BASE_URL
							+ ", or set it to the API's URL."
					: source.setTo(name, "the API's URL, such as " + LoveandpayProperties.DEFAULT_BASE_URL + "."));
		}
		String scheme = (baseUrl.getScheme() != null) ? baseUrl.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!baseUrl.isAbsolute() || baseUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new LoveandpayConfigurationException(name, "is not an absolute http or https URL",
					source.setTo(name, "a URL such as " + LoveandpayProperties.DEFAULT_BASE_URL + "."));
		}
		if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new LoveandpayConfigurationException(name, "has user info, a query or a fragment", source.setTo(name,
					"scheme, host, port and path only, such as " + LoveandpayProperties.DEFAULT_BASE_URL + "."));
		}
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (path.endsWith(API_PATH)) {
			throw new LoveandpayConfigurationException(name, "ends with " + API_PATH,
					"Remove " + API_PATH + " from " + name + ": the client adds it to every request.");
		}
		String authority = baseUrl.getRawAuthority();
		return URI.create(scheme + "://" + authority + path + API_PATH);
	}

	static boolean isLoopback(URI uri) {
		return Loopback.isLoopback(uri);
	}

	/**
	 * What supplied the settings, as failure messages name it: the properties, or a
	 * connection details bean of the application's.
	 */
	private record Source(boolean properties, String apiKey, String secretKey, String baseUrl) {

		static Source of(LoveandpayConnectionDetails details) {
			if (details instanceof PropertiesLoveandpayConnectionDetails) {
				return new Source(true, API_KEY, SECRET_KEY, BASE_URL);
			}
			String type = details.getClass().getName();
			return new Source(false, type + ".getApiKey()", type + ".getSecretKey()", type + ".getBaseUrl()");
		}

		String setTo(String name, String value) {
			return (this.properties ? "Set " + name + " to " : "Make " + name + " return ") + value;
		}

	}

}
