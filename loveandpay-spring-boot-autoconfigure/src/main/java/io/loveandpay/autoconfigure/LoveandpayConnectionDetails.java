package io.loveandpay.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details to connect to the loveandpay API: its base URL and the account's keys. A bean
 * of this type replaces the {@code loveandpay.base-url}, {@code loveandpay.api-key} and
 * {@code loveandpay.secret-key} properties, for instance to point the client at a
 * stand-in in tests; its values are checked as the properties' are.
 *
 * @since 0.1.0
 */
public interface LoveandpayConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of the API, without {@code /api/v2}.
	 * @return the base URL
	 */
	URI getBaseUrl();

	/**
	 * Return the public API key of the account: {@code pk_test_...} or
	 * {@code pk_live_...}.
	 * @return the API key
	 */
	String getApiKey();

	/**
	 * Return the secret key of the account that signs every request: {@code sk_test_...}
	 * or {@code sk_live_...}, of the same mode as the API key.
	 * @return the secret key, or {@code null} when a custom
	 * {@link io.loveandpay.client.LoveandpayRequestSigner} signs without it
	 */
	@Nullable String getSecretKey();

}
