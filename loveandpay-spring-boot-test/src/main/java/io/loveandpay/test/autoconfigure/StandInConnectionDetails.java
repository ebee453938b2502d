package io.loveandpay.test.autoconfigure;

import java.net.URI;

import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.test.standin.LoveandpayStandIn;

/**
 * {@link LoveandpayConnectionDetails} of a running {@link LoveandpayStandIn}: its base
 * URL, without {@code /api/v2}, and its keys.
 */
final class StandInConnectionDetails implements LoveandpayConnectionDetails {

	private static final String API_PATH = "/api/v2";

	private final LoveandpayStandIn standIn;

	StandInConnectionDetails(LoveandpayStandIn standIn) {
		this.standIn = standIn;
	}

	@Override
	public URI getBaseUrl() {
		String url = this.standIn.baseUrl().toString();
		return URI.create(url.endsWith(API_PATH) ? url.substring(0, url.length() - API_PATH.length()) : url);
	}

	@Override
	public String getApiKey() {
		return this.standIn.apiKey();
	}

	@Override
	public String getSecretKey() {
		return this.standIn.secretKey();
	}

	@Override
	public String toString() {
		return "StandInConnectionDetails[" + getBaseUrl() + "]";
	}

}
