package io.loveandpay.test.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * Shared set-up of the stand-in's tests: the starter's client pointed at a stand-in, and
 * raw requests signed (or not) by hand, over the JDK's client.
 */
final class StandInClients {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private StandInClients() {
	}

	/**
	 * Return a runner of the starter's auto-configuration against the stand-in, with
	 * short retry backoffs.
	 * @param standIn the stand-in
	 * @return the runner
	 */
	static ApplicationContextRunner runner(LoveandpayStandIn standIn) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
							WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class))
			.withPropertyValues("loveandpay.api-key=" + standIn.apiKey(),
					"loveandpay.secret-key=" + standIn.secretKey(), "loveandpay.base-url=" + standIn.clientBaseUrl(),
					"loveandpay.retry.initial-backoff=20ms", "loveandpay.response-timeout=2s",
					// no 2 s of quiet for the shared event loops when each test's context
					// closes
					"spring.reactor.netty.shutdown-quiet-period=0s")
			.withBean(LoveandpayAutoConfiguration.CLOCK_BEAN, Clock.class, standIn::applicationClock);
	}

	static HttpRequest.Builder signed(LoveandpayStandIn standIn, String secret, String method, String path, String body,
			long timestamp) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standIn.port() + path))
			.method(method,
					bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofByteArray(bytes))
			.header("Content-Type", "application/json")
			.header("x-api-key", standIn.apiKey())
			.header("x-timestamp", Long.toString(timestamp))
			.header("x-signature", signature(secret, method, stripQuery(path), Long.toString(timestamp), bytes));
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String signature(String secret, String method, String path, String timestamp, byte[] body) {
		try {
			String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal((method + path + timestamp + bodyHash).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String stripQuery(String path) {
		int question = path.indexOf('?');
		return (question < 0) ? path : path.substring(0, question);
	}

}
