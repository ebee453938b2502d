package io.loveandpay.smoke.security;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.loveandpay.testsupport.WebhookEndpointContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook contract with Spring Security's defaults on the classpath, plus what the
 * webhook filter chain must leave alone: every other path still needs a login.
 */
abstract class SecuredWebhookEndpointContract extends WebhookEndpointContract {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void otherPathsStillRequireAuthentication() throws Exception {
		assertThat(send(get("/account")).statusCode()).isIn(401, 302);
		assertThat(send(post("/account")).statusCode()).isIn(401, 302, 403);
		HttpResponse<String> loggedIn = send(get("/account").header("Authorization", basic()));
		assertThat(loggedIn.statusCode()).as("the path exists behind the login").isEqualTo(200);
		assertThat(loggedIn.body()).isEqualTo("account");
	}

	/**
	 * A POST with valid credentials (they open the GET above) but no CSRF token is
	 * refused: 403 on WebFlux; on Spring MVC the 403 is forwarded to {@code /error},
	 * which answers 401.
	 */
	@Test
	void otherPathsStillRequireACsrfToken() throws Exception {
		HttpResponse<String> response = send(post("/account").header("Authorization", basic()));
		assertThat(response.statusCode()).isIn(401, 403);
		assertThat(response.body()).doesNotContain("updated");
	}

	@Test
	void webhookNeedsNoCredentialsNorCsrfTokenAndOpensNoSession() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		HttpResponse<String> response = post(signer().sign(event.body()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
		deliveredOnce(event);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
	}

	private HttpRequest.Builder post(String path) {
		return HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic "
				+ Base64.getEncoder().encodeToString("account-holder:open-sesame-it".getBytes(StandardCharsets.UTF_8));
	}

}
