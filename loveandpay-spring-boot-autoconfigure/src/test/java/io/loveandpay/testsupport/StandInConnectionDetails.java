package io.loveandpay.testsupport;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;

/**
 * Connection details of fixed values, as a test's bean supplies them in place of the
 * {@code loveandpay.*} properties. {@link #toString()} shows the base URL only.
 *
 * @param baseUrl the base URL of the API
 * @param apiKey the public API key
 * @param secretKey the secret key
 */
public record StandInConnectionDetails(URI baseUrl, String apiKey,
		@Nullable String secretKey) implements LoveandpayConnectionDetails {

	/**
	 * Return the connection details of a stand-in: its base URL and the keys it accepts.
	 * @param standIn the stand-in
	 * @return the connection details
	 */
	public static StandInConnectionDetails of(LoveandpayStandIn standIn) {
		return new StandInConnectionDetails(URI.create(standIn.baseUrl()), LoveandpayStandIn.API_KEY,
				LoveandpayStandIn.SECRET_KEY);
	}

	@Override
	public URI getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public String getApiKey() {
		return this.apiKey;
	}

	@Override
	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	@Override
	public String toString() {
		return "StandInConnectionDetails[" + this.baseUrl + "]";
	}

}
