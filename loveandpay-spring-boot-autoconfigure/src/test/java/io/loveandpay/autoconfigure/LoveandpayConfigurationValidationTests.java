package io.loveandpay.autoconfigure;

import java.net.URI;

import io.loveandpay.testsupport.StandInConnectionDetails;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that bad {@code loveandpay.*} configuration fails start-up with a report that
 * names the property and the fix, and never shows a key.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayConfigurationValidationTests {

	private static final String LIVE_SECRET = "sk_live_canary_9a8b7c6d5e";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class));

	@ParameterizedTest(name = "{2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					''                                     | sk_test_canary_4f1d2b8e9c7a6b5d | loveandpay.api-key is not set
					'   '                                  | sk_test_canary_4f1d2b8e9c7a6b5d | loveandpay.api-key is not set
					pk_test_51HqLyjWDarjtT1zdp7dc          | ''                              | loveandpay.secret-key is not set
					51HqLyjWDarjtT1zdp7dc                  | sk_test_canary_4f1d2b8e9c7a6b5d | loveandpay.api-key is not a loveandpay public key
					pk_test_51HqLyjWDarjtT1zdp7dc          | canary_4f1d2b8e9c7a6b5d         | loveandpay.secret-key is not a loveandpay secret key
					sk_test_canary_4f1d2b8e9c7a6b5d        | pk_test_51HqLyjWDarjtT1zdp7dc   | loveandpay.secret-key holds a public key
					pk_test_51HqLyjWDarjtT1zdp7dc          | sk_live_canary_9a8b7c6d5e       | loveandpay.secret-key is a live key but loveandpay.api-key is a test key
					pk_test_51HqLyj WDarjtT1zdp7dc         | sk_test_canary_4f1d2b8e9c7a6b5d | loveandpay.api-key contains white space
					""")
	void badKeysFailStartUpNamingThePropertyButNoValue(String apiKey, String secretKey, String expected) {
		this.runner.withPropertyValues("loveandpay.api-key=" + apiKey, "loveandpay.secret-key=" + secretKey)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				LoveandpayConfigurationException cause = findCause(failure);
				assertThat(cause.getMessage()).startsWith(expected);
				assertThat(cause.action()).isNotBlank();
				assertNoKeys(cause.getMessage() + cause.action(), apiKey, secretKey);
			});
	}

	@Test
	void baseUrlEndingInApiPathFailsWithTheFix() {
		this.runner
			.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY,
					"loveandpay.secret-key=" + TestClients.SECRET_KEY,
					"loveandpay.base-url=https://api.prod.loveandpay.io/api/v2/")
			.run((context) -> {
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.property()).isEqualTo("loveandpay.base-url");
				assertThat(cause.action()).contains("Remove /api/v2");
			});
	}

	@Test
	void baseUrlThatIsNotHttpFails() {
		this.runner
			.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY,
					"loveandpay.secret-key=" + TestClients.SECRET_KEY, "loveandpay.base-url=ftp://files.example.com")
			.run((context) -> assertThat(findCause(context.getStartupFailure()).getMessage())
				.contains("absolute http or https URL"));
	}

	@ParameterizedTest(name = "{3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					''                            | sk_test_canary_4f1d2b8e9c7a6b5d | https://stand-in.example.com        | getApiKey() is not set
					pk_test_51HqLyjWDarjtT1zdp7dc | sk_live_canary_9a8b7c6d5e       | https://stand-in.example.com        | getSecretKey() is a live key
					pk_test_51HqLyjWDarjtT1zdp7dc | pk_test_51HqLyjWDarjtT1zdp7dc   | https://stand-in.example.com        | getSecretKey() holds a public key
					pk_test_51HqLyjWDarjtT1zdp7dc | sk_test_canary_4f1d2b8e9c7a6b5d | https://stand-in.example.com/api/v2 | getBaseUrl() ends with /api/v2
					""")
	void badConnectionDetailsFailStartUpNamingTheBeanButNoValue(String apiKey, String secretKey, URI baseUrl,
			String expected) {
		this.runner.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY)
			.withBean(LoveandpayConnectionDetails.class, () -> new StandInConnectionDetails(baseUrl, apiKey, secretKey))
			.run((context) -> {
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.getMessage()).startsWith(StandInConnectionDetails.class.getName() + "." + expected);
				assertThat(cause.property()).startsWith(StandInConnectionDetails.class.getName() + ".get");
				assertThat(cause.getMessage() + cause.action()).doesNotContain("loveandpay.api-key")
					.doesNotContain("LOVEANDPAY_");
				assertNoKeys(cause.getMessage() + cause.action(), apiKey, secretKey);
			});
	}

	@Test
	void failureAnalyzerDescribesTheProblemAndTheFix() {
		FailureAnalysis analysis = new LoveandpayConfigurationFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", new LoveandpayConfigurationException("loveandpay.api-key",
					"is not set", "Set loveandpay.api-key to the public key.")));
		assertThat(analysis.getDescription()).contains("loveandpay.api-key is not set");
		assertThat(analysis.getAction()).isEqualTo("Set loveandpay.api-key to the public key.");
	}

	@Test
	void startUpFailureReportNamesThePropertyAndTheFixWithoutKeys(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--loveandpay.api-key=" + TestClients.API_KEY,
					"--loveandpay.secret-key=" + LIVE_SECRET, "--spring.main.banner-mode=off"))
			.satisfies((ex) -> assertThat(findCause(ex)).isNotNull());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("loveandpay.secret-key is a live key but loveandpay.api-key is a test key")
			.contains("Use the public and secret key of the same mode")
			.doesNotContain("canary")
			.doesNotContain(TestClients.API_KEY);
	}

	@Test
	void startUpFailureReportForAMissingKeyTellsWhereToSetIt(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--loveandpay.secret-key=" + TestClients.SECRET_KEY,
				"--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("loveandpay.api-key is not set")
			.contains("LOVEANDPAY_API_KEY")
			.doesNotContain("canary");
	}

	private static LoveandpayConfigurationException findCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof LoveandpayConfigurationException cause) {
				return cause;
			}
		}
		throw new AssertionError("No LoveandpayConfigurationException in " + failure);
	}

	private static void assertNoKeys(String text, String... keys) {
		for (String key : keys) {
			if (key.strip().length() > 8) {
				assertThat(text).doesNotContain(key.strip());
			}
		}
		assertThat(text).doesNotContain("canary");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class })
	static class App {

	}

}
