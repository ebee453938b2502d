package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the loveandpay client, under {@code loveandpay}. {@link #toString()}
 * never shows the keys.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("loveandpay")
public class LoveandpayProperties {

	/**
	 * Default base URL of the API.
	 */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.prod.loveandpay.io");

	/**
	 * Public API key of the account, sent with every request: 'pk_test_...' for test
	 * mode, 'pk_live_...' for live mode.
	 */
	private @Nullable String apiKey;

	/**
	 * Secret key of the account that signs every request: 'sk_test_...' or 'sk_live_...',
	 * of the same mode as the API key. Never sent and never logged.
	 */
	private @Nullable String secretKey;

	/**
	 * Base URL of the API, without '/api/v2'. Requests go to '{base-url}/api/v2/...'.
	 */
	private URI baseUrl = DEFAULT_BASE_URL;

	/**
	 * Time allowed to open a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed for the answer to start after the request was sent, and between two
	 * reads of the answer.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	@Override
	public String toString() {
		return "LoveandpayProperties[apiKey=" + Keys.masked(this.apiKey) + ", secretKey="
				+ ((this.secretKey != null) ? "******" : "null") + ", baseUrl=" + this.baseUrl + ", connectTimeout="
				+ this.connectTimeout + ", responseTimeout=" + this.responseTimeout + "]";
	}

}
