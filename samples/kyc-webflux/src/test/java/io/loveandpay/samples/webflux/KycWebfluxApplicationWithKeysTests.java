package io.loveandpay.samples.webflux;

import java.time.Duration;

import io.loveandpay.test.standin.LoveandpayStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample with an API key set, as in production: the same {@code application.yml}
 * leaves the stand-in off, and the pages show no stand-in banner. Nothing is sent to
 * loveandpay: opening the start page makes no call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "loveandpay.api-key=pk_test_canary_sample", "loveandpay.secret-key=sk_test_canary_sample",
				"loveandpay.base-url=http://127.0.0.1:9", "loveandpay.webhook.secret=whsec_canary_sample" })
@ExtendWith(OutputCaptureExtension.class)
class KycWebfluxApplicationWithKeysTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void applicationWithKeysRunsWithoutStandInOrBanner() {
		assertThat(this.context.getBeanNamesForType(LoveandpayStandIn.class)).isEmpty();
		WebTestClient.bindToServer(SampleHttp.connector())
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("name=\"customerId\"").doesNotContain("stand-in-banner"));
	}

	@Test
	void startUpLogsTheUrlToOpen(CapturedOutput output) {
		assertThat(output).contains("Open http://localhost:" + this.port + "/ to verify a customer");
	}

	@Test
	void refusesToStartWithKeysAndThePublicDemoWebhookSecret() {
		assertThatException()
			.isThrownBy(() -> SpringApplication.run(KycWebfluxApplication.class, "--server.port=0",
					"--loveandpay.api-key=pk_test_sample", "--loveandpay.secret-key=sk_test_canary_sample",
					"--loveandpay.webhook.secret=" + DemoWebhookSecretCheck.DEMO_SECRET))
			.havingRootCause()
			.withMessageContaining("LOVEANDPAY_WEBHOOK_SECRET");
	}

}
