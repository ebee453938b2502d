package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.function.Supplier;

import io.loveandpay.client.LoveandpaySigningFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes the client's {@link WebClient} on the first call, from the beans there are then:
 * an application's start-up pays neither for looking them up nor for the HTTP stack.
 */
final class DeferredWebClient implements Supplier<WebClient> {

	private final URI apiBaseUrl;

	private final LoveandpayProperties properties;

	private final LoveandpayConnectionPool pool;

	private final LoveandpaySigningFilter signingFilter;

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder;

	private final ObjectProvider<HttpClientSettings> httpClientSettings;

	private final ObjectProvider<LoveandpayWebClientCustomizer> customizers;

	private final ClassLoader classLoader;

	DeferredWebClient(URI apiBaseUrl, LoveandpayProperties properties, LoveandpayConnectionPool pool,
			LoveandpaySigningFilter signingFilter, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<LoveandpayWebClientCustomizer> customizers, ClassLoader classLoader) {
		this.apiBaseUrl = apiBaseUrl;
		this.properties = properties;
		this.pool = pool;
		this.signingFilter = signingFilter;
		this.webClientBuilder = webClientBuilder;
		this.connectorBuilder = connectorBuilder;
		this.httpClientSettings = httpClientSettings;
		this.customizers = customizers;
		this.classLoader = classLoader;
	}

	@Override
	public WebClient get() {
		return LoveandpayWebClientFactory.create(this.webClientBuilder.getIfAvailable(WebClient::builder),
				this.apiBaseUrl, this.properties,
				this.connectorBuilder.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(this.classLoader)),
				this.httpClientSettings.getIfAvailable(HttpClientSettings::defaults), this.pool.provider(),
				this.customizers.orderedStream().toList(), this.signingFilter);
	}

}
