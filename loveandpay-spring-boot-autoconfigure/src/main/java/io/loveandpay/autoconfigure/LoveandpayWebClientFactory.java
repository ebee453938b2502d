package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.loveandpay.client.LoveandpaySigningFilter;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the loveandpay client's {@link WebClient} on Boot's builder: the API's base URL,
 * a connector with the client's timeouts, no redirects and no hidden retry, the user's
 * customizers, and the signing filter innermost.
 */
final class LoveandpayWebClientFactory {

	private static final Log logger = LogFactory.getLog(LoveandpayWebClientFactory.class);

	private LoveandpayWebClientFactory() {
	}

	static WebClient create(WebClient.Builder builder, LoveandpayProperties properties,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings,
			List<LoveandpayWebClientCustomizer> customizers, LoveandpaySigningFilter signingFilter) {
		URI apiBaseUrl = Keys.apiBaseUrl(properties);
		if ("http".equals(apiBaseUrl.getScheme()) && !Keys.isLoopback(apiBaseUrl)) {
			logger.warn(Keys.BASE_URL + " uses plain http to " + apiBaseUrl.getHost()
					+ ": requests, their signatures and the customers' data travel unencrypted. Use https.");
		}
		builder.baseUrl(apiBaseUrl.toString()).clientConnector(connector(connectorBuilder, settings, properties));
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.filter(signingFilter).build();
	}

	private static ClientHttpConnector connector(ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, LoveandpayProperties properties) {
		ClientHttpConnectorBuilder<?> builder = connectorBuilder;
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// reactor-netty would silently resend a request whose connection was reset:
			// a create must never reach the provider twice.
			builder = reactor.withHttpClientCustomizer((client) -> client.disableRetry(true));
		}
		return builder.build(settings.withTimeouts(properties.getConnectTimeout(), properties.getResponseTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

}
