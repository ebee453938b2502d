package io.loveandpay.samples.webmvc;

import io.loveandpay.test.standin.LoveandpayStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application as {@code main} starts it, with its {@code application.yml} and empty
 * keys: it runs on the in-app stand-in and says which URL to open. With keys, it will not
 * start with the public demo webhook secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationStartupTests {

	@Test
	void startsOnTheStandInWithEmptyKeysAndLogsTheUrlToOpen(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(KycWebmvcApplication.class,
				"--server.port=0", "--loveandpay.api-key=", "--loveandpay.secret-key=")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			assertThat(port).isNotNull().isNotEqualTo("0");
			assertThat(context.getBeanNamesForType(LoveandpayStandIn.class)).hasSize(1);
			assertThat(output).contains("Open http://localhost:" + port + "/ to verify a customer");
		}
	}

	@Test
	void withKeysAndTheDemoWebhookSecretRefusesToStart() {
		assertThatException()
			.isThrownBy(() -> SpringApplication.run(KycWebmvcApplication.class, "--server.port=0",
					"--loveandpay.api-key=pk_test_sample", "--loveandpay.secret-key=sk_test_canary_sample",
					"--loveandpay.webhook.secret=" + DemoWebhookSecretCheck.DEMO_SECRET))
			.havingRootCause()
			.withMessageContaining("LOVEANDPAY_WEBHOOK_SECRET");
	}

}
