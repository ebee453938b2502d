package io.loveandpay.samples.webflux;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.loveandpay.test.standin.LoveandpayStandIn;
import org.jspecify.annotations.Nullable;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does in the sample's tests, over real HTTP on loopback: post the start
 * form, open the stand-in's hosted page and press one of its buttons. Redirects are not
 * followed, so that each step can be checked.
 */
final class SampleHttp {

	private static final Pattern FORM = Pattern.compile("<form[^>]* action=\"([^\"]+/(approve|reject))\">(.*?)</form>");

	private static final Pattern HIDDEN_INPUT = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private final WebTestClient client;

	private final @Nullable LoveandpayStandIn standIn;

	SampleHttp(int port) {
		this(port, null);
	}

	SampleHttp(int port, @Nullable LoveandpayStandIn standIn) {
		this.client = WebTestClient.bindToServer(connector())
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		this.standIn = standIn;
	}

	/**
	 * Return a connector that opens a connection for each request: a pooled connection
	 * that an earlier exchange left unread would stall the next request.
	 * @return the connector
	 */
	static ClientHttpConnector connector() {
		return new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()));
	}

	WebTestClient client() {
		return this.client;
	}

	/**
	 * Submit the start page's form and return where the application sends the browser.
	 * @param customerId the customer id to enter
	 * @return the verification page's URL
	 */
	URI startVerification(String customerId) {
		URI location = this.client.post()
			.uri("/verifications")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("customerId", customerId).with("email", ""))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation();
		assertThat(location).isNotNull();
		if (this.standIn != null) {
			assertThat(location.toString()).startsWith(this.standIn.clientBaseUrl() + "/verify/");
		}
		return location;
	}

	/**
	 * Open the stand-in's hosted page, press its button and return where the stand-in
	 * sends the browser.
	 * @param verificationUrl the verification page's URL
	 * @param button {@code approve} or {@code reject}
	 * @return the session's {@code callbackUrl}
	 */
	URI press(URI verificationUrl, String button) {
		String page = this.client.get()
			.uri(verificationUrl)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		URI action = null;
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		Matcher form = FORM.matcher((page != null) ? page : "");
		while (form.find()) {
			if (form.group(2).equals(button)) {
				action = verificationUrl.resolve(form.group(1));
				Matcher input = HIDDEN_INPUT.matcher(form.group(3));
				while (input.find()) {
					fields.add(input.group(1), input.group(2));
				}
			}
		}
		assertThat(action).as("form of the %s button", button).isNotNull();
		URI location = this.client.post()
			.uri(action)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation();
		assertThat(location).isNotNull();
		return location;
	}

	String page(String url) {
		return page(URI.create(url));
	}

	String page(URI url) {
		String body = ((url.isAbsolute()) ? this.client.get().uri(url) : this.client.get().uri(url.toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return (body != null) ? body : "";
	}

}
