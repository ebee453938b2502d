package io.loveandpay.autoconfigure;

import java.net.URI;
import java.util.List;

import javax.net.ssl.SSLException;

import io.loveandpay.client.LoveandpaySigningFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the loveandpay client's {@link WebClient} on Boot's builder: the API's base URL,
 * a reactor-netty connector on the client's own pool with its timeouts, a bound on the
 * size of answers, then the user's customizers (whose {@code baseUrl(...)} or connector
 * wins), and the signing filter innermost.
 * <p>
 * The application's reactor-netty customizers (on Boot's connector builder bean) still
 * apply, but the client's own transport settings are applied after them: its trust (the
 * JVM's default, or the SSL bundle named by {@code loveandpay.ssl.bundle}), wire logging
 * off, no redirects and no hidden retry. Settings meant for other clients (an insecure
 * trust manager, {@code wiretap(true)}) never reach it.
 */
final class LoveandpayWebClientFactory {

	private LoveandpayWebClientFactory() {
	}

	static WebClient create(WebClient.Builder builder, URI apiBaseUrl, LoveandpayProperties properties,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings, @Nullable SslBundle sslBundle,
			ConnectionProvider pool, List<LoveandpayWebClientCustomizer> customizers,
			LoveandpaySigningFilter signingFilter) {
		int maxResponseSize = (int) properties.getMaxResponseSize().toBytes();
		builder.baseUrl(apiBaseUrl.toString())
			.clientConnector(connector(connectorBuilder, settings, sslBundle, pool, properties))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxResponseSize));
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.filter(signingFilter).build();
	}

	static ClientHttpConnector connector(ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings,
			@Nullable SslBundle sslBundle, ConnectionProvider pool, LoveandpayProperties properties) {
		// reactor-netty is the client's own dependency: another connector chosen for the
		// application's clients would bring their trust settings and lose the pool.
		ReactorClientHttpConnectorBuilder reactor = (connectorBuilder instanceof ReactorClientHttpConnectorBuilder r)
				? r : ClientHttpConnectorBuilder.reactor();
		SslContext sslContext = (sslBundle != null) ? sslContext(sslBundle) : null;
		// No read timeout in the HTTP stack: the client times every attempt itself, from
		// the start of the attempt to the end of the answer, which a read timeout would
		// only repeat at the cost of a timer and a pipeline handler per request.
		return reactor.withHttpClientFactory(() -> HttpClient.create(pool))
			.withHttpClientCustomizer((client) -> ownTransport(client, sslContext))
			.build(settings.withSslBundle(null)
				.withTimeouts(properties.getConnectTimeout(), null)
				.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	/**
	 * Apply the client's own transport settings, after any customizer of the
	 * application's. reactor-netty may resend a request whose connection was reset;
	 * whether to send again is the client's decision alone. Wire logging would print the
	 * API key, the signature and personal data. Without an SSL bundle any application TLS
	 * set-up is removed, and reactor-netty secures https with its default: the JVM's
	 * trust and host name verification.
	 */
	private static HttpClient ownTransport(HttpClient client, @Nullable SslContext sslContext) {
		HttpClient own = client.disableRetry(true).followRedirect(false).wiretap(false);
		return (sslContext != null) ? own.secure((spec) -> spec.sslContext(sslContext)) : own.noSSL();
	}

	private static SslContext sslContext(SslBundle sslBundle) {
		SslOptions options = sslBundle.getOptions();
		try {
			return SslContextBuilder.forClient()
				.keyManager(sslBundle.getManagers().getKeyManagerFactory())
				.trustManager(sslBundle.getManagers().getTrustManagerFactory())
				.ciphers(SslOptions.asSet(options.getCiphers()))
				.protocols(options.getEnabledProtocols())
				.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("The SSL bundle of the loveandpay client cannot be used", ex);
		}
	}

}
