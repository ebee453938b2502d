package io.loveandpay.test.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.kyc.BlockingKycSessionService;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoveandpayStandInAutoConfiguration}: the stand-in inside a running
 * application, only when asked for and only without keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayStandInAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LoveandpayStandInAutoConfiguration.class, LoveandpayAutoConfiguration.class));

	@Test
	void isRegisteredAsAutoConfigurationButTheTestOneIsNot() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(LoveandpayStandInAutoConfiguration.class.getName())
			.doesNotContain(LoveandpayStandInTestAutoConfiguration.class.getName());
	}

	@Test
	void whenEnabledWithoutKeysClientTalksToTheStandIn(CapturedOutput output) {
		this.runner.withPropertyValues("loveandpay.stand-in.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(LoveandpayStandIn.class);
			LoveandpayStandIn standIn = context.getBean(LoveandpayStandIn.class);
			assertThat(context.getBean(LoveandpayConnectionDetails.class).getApiKey()).isEqualTo(standIn.apiKey());
			context.getBean(BlockingKycSessionService.class)
				.createSession(CreateKycSessionRequest.builder().customerId("demo-1").build());
			assertThat(standIn.sessions().count()).isOne();
			assertThat(output).contains("WARN")
				.contains("in-JVM stand-in at " + standIn.baseUrl())
				.contains("never to loveandpay");
		});
	}

	@Test
	void whenEnabledWithAnApiKeyDoesNotStart() {
		this.runner
			.withPropertyValues("loveandpay.stand-in.enabled=true", "loveandpay.api-key=pk_test_configured",
					"loveandpay.secret-key=sk_test_configured")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LoveandpayStandIn.class);
				assertThat(context.getBean(LoveandpayConnectionDetails.class).getApiKey())
					.isEqualTo("pk_test_configured");
			});
	}

	@Test
	void whenNotEnabledDoesNotStartAndAnApplicationThatUsesTheClientNeedsKeys() {
		this.runner.withBean(Checkout.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("is not set");
		});
	}

	@Test
	void signsWebhooksWithTheApplicationsSecret() {
		this.runner
			.withPropertyValues("loveandpay.stand-in.enabled=true", "loveandpay.webhook.secret=whsec_demo,whsec_old")
			.run((context) -> assertThat(context.getBean(LoveandpayStandIn.class).webhookSecret())
				.isEqualTo("whsec_demo"));
	}

	/**
	 * An application bean that uses the client, as a controller does.
	 *
	 * @param sessions the service
	 */
	record Checkout(BlockingKycSessionService sessions) {

	}

}
