package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.List;

import io.loveandpay.client.LoveandpaySigningFilter;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the loveandpay client's {@link WebClient} on Boot's builder: the API's base URL,
 * a connector on the client's own pool with its timeouts, no redirects and no hidden
 * retry, a bound on the size of answers, then the user's customizers (whose
 * {@code baseUrl(...)} or connector wins), and the signing filter innermost.
 */
final class LoveandpayWebClientFactory {

	private LoveandpayWebClientFactory() {
	}

	static WebClient create(WebClient.Builder builder, URI apiBaseUrl, LoveandpayProperties properties,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings, ConnectionProvider pool,
			List<LoveandpayWebClientCustomizer> customizers, LoveandpaySigningFilter signingFilter) {
		int maxResponseSize = (int) properties.getMaxResponseSize().toBytes();
		builder.baseUrl(apiBaseUrl.toString())
			.clientConnector(connector(connectorBuilder, settings, pool, properties))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxResponseSize));
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.filter(signingFilter).build();
	}

	private static ClientHttpConnector connector(ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, ConnectionProvider pool, LoveandpayProperties properties) {
		ClientHttpConnectorBuilder<?> builder = connectorBuilder;
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// reactor-netty may resend a request whose connection was reset; whether to
			// send again is the client's decision alone.
			builder = reactor.withHttpClientFactory(() -> HttpClient.create(pool))
				.withHttpClientCustomizer((client) -> client.disableRetry(true));
		}
		// No read timeout in the HTTP stack: the client times every attempt itself, from
		// the start of the attempt to the end of the answer, which a read timeout would
		// only repeat at the cost of a timer and a pipeline handler per request.
		return builder.build(
				settings.withTimeouts(properties.getConnectTimeout(), null).withRedirects(HttpRedirects.DONT_FOLLOW));
	}

}
