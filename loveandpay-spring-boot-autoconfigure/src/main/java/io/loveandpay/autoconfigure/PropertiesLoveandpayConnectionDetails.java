package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link LoveandpayProperties} to {@link LoveandpayConnectionDetails}.
 */
final class PropertiesLoveandpayConnectionDetails implements LoveandpayConnectionDetails {

	private final LoveandpayProperties properties;

	PropertiesLoveandpayConnectionDetails(LoveandpayProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public String getApiKey() {
		return Objects.requireNonNullElse(this.properties.getApiKey(), "");
	}

	@Override
	public @Nullable String getSecretKey() {
		return this.properties.getSecretKey();
	}

	@Override
	public String toString() {
		return "PropertiesLoveandpayConnectionDetails[" + getBaseUrl() + "]";
	}

}
