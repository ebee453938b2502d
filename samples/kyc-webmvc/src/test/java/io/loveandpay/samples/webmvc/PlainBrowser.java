package io.loveandpay.samples.webmvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does, step by step over real HTTP, without following redirects so that
 * each step can be checked: open pages, submit forms, and follow a {@code Location}.
 */
final class PlainBrowser {

	private static final Pattern APPROVE_FORM = Pattern.compile("action=\"([^\"]+/approve)\"");

	private static final Pattern REJECT_FORM = Pattern.compile("action=\"([^\"]+/reject)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI application;

	PlainBrowser(int port) {
		this.application = URI.create("http://127.0.0.1:" + port + "/");
	}

	URI application(String path) {
		return this.application.resolve(path);
	}

	HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET().build());
	}

	HttpResponse<String> get(String path) {
		return get(application(path));
	}

	HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(application(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Start a verification on the start page and return where the application sends the
	 * browser, the provider's page.
	 */
	URI startVerification(String customerId) {
		HttpResponse<String> started = postForm(application("/"), Map.of("customerId", customerId));
		assertThat(started.statusCode()).isEqualTo(303);
		return location(started);
	}

	/**
	 * Open the provider's page, press its Approve button, and return where the provider
	 * sends the browser back to.
	 */
	URI approve(URI verificationUrl) {
		return press(verificationUrl, APPROVE_FORM, Map.of());
	}

	/**
	 * Open the provider's page, press its Reject button, and return where the provider
	 * sends the browser back to.
	 */
	URI reject(URI verificationUrl) {
		return press(verificationUrl, REJECT_FORM, Map.of("reason", "document_expired"));
	}

	private URI press(URI verificationUrl, Pattern form, Map<String, String> fields) {
		HttpResponse<String> page = get(verificationUrl);
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher action = form.matcher(page.body());
		assertThat(action.find()).as("form %s on the provider's page", form).isTrue();
		HttpResponse<String> pressed = postForm(verificationUrl.resolve(action.group(1)), fields);
		assertThat(pressed.statusCode()).isEqualTo(303);
		return location(pressed);
	}

	static URI location(HttpResponse<?> response) {
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
