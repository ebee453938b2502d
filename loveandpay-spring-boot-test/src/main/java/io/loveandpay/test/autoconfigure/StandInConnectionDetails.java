package io.loveandpay.test.autoconfigure;

import java.net.URI;

import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.test.standin.LoveandpayStandIn;

/**
 * {@link LoveandpayConnectionDetails} of a running {@link LoveandpayStandIn}: its base
 * URL, without {@code /api/v2}, and its keys.
 */
final class StandInConnectionDetails implements LoveandpayConnectionDetails {

	private final LoveandpayStandIn standIn;

	StandInConnectionDetails(LoveandpayStandIn standIn) {
		this.standIn = standIn;
	}

	@Override
	public URI getBaseUrl() {
		return this.standIn.clientBaseUrl();
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
