package io.loveandpay.smoke.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.loveandpay.autoconfigure.webhook.LoveandpayWebhookAutoConfiguration;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.standin.RecordedWebhook;
import io.loveandpay.testsupport.WebhookEndpointContract;
import io.loveandpay.test.testsupport.CanaryKeys;
import io.loveandpay.testsupport.WebhookEndpointContract.Event;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookSigner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code loveandpay.webhook.security.enabled=false} the application's security
 * applies to the webhook path as to any other: a signed delivery without credentials or
 * CSRF token is refused. What lets deliveries through otherwise is the starter's chain.
 */
class WebhookSecurityOffTests {

	static int post(int port) throws Exception {
		SignedWebhook webhook = new WebhookSigner(WebhookEndpointContract.NEW_SECRET)
			.sign(Event.sessionEnvelope("kyc.completed").body());
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + WebhookEndpointContract.PATH))
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
		webhook.headers().forEach(request::header);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * The stand-in's own signed delivery of an approved session is refused as well, on
	 * every attempt.
	 */
	static void assertStandInsDeliveryRefused(ApplicationContext context) {
		LoveandpayStandIn standIn = context.getBean(LoveandpayStandIn.class);
		KycSession session = context.getBean(KycSessionService.class)
			.blocking()
			.createSession(CreateKycSessionRequest.builder().customerId("secured-customer").build());
		standIn.sessions().approve(session.id());
		assertThat(standIn.journal().awaitWebhooks(3, Duration.ofSeconds(20))).hasSize(3)
			.allSatisfy((webhook) -> assertThat(webhook.status()).isIn(401, 403))
			.noneMatch(RecordedWebhook::delivered);
	}

	static void assertEndpointWithoutItsChain(ApplicationContext context) {
		assertThat(context.containsBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN)).as("the endpoint").isTrue();
		assertThat(context.getBeanNamesForType(SecurityFilterChain.class))
			.doesNotContain("loveandpayWebhookSecurityFilterChain");
		assertThat(context.getBeanNamesForType(SecurityWebFilterChain.class))
			.doesNotContain("loveandpayWebhookSecurityWebFilterChain");
	}

	/**
	 * The test that each web stack runs against an application of its own.
	 */
	abstract static class RefusedDelivery {

		@LocalServerPort
		int port;

		@Autowired
		ApplicationContext context;

		@Test
		void signedDeliveryIsRefusedBySpringSecurity() throws Exception {
			assertEndpointWithoutItsChain(this.context);
			assertThat(post(this.port)).isIn(401, 403);
			assertStandInsDeliveryRefused(this.context);
		}

	}

	@Nested
	@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet", "loveandpay.webhook.security.enabled=false" })
	@AutoConfigureLoveandpayStandIn(webhookSecret = WebhookEndpointContract.NEW_SECRET)
	@Import(CanaryKeys.class)
	class OnSpringMvc extends RefusedDelivery {

	}

	@Nested
	@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=reactive", "loveandpay.webhook.security.enabled=false" })
	@AutoConfigureLoveandpayStandIn(webhookSecret = WebhookEndpointContract.NEW_SECRET)
	@Import(CanaryKeys.class)
	class OnWebFlux extends RefusedDelivery {

	}

}
