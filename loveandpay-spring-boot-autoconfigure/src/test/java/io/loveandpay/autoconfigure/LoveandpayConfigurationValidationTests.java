package io.loveandpay.autoconfigure;

import java.net.URI;

import io.loveandpay.testsupport.Checkout;
import io.loveandpay.testsupport.StandInConnectionDetails;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

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
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class))
		.withBean(Checkout.class);

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

	@ParameterizedTest
	@ValueSource(strings = { "http://api.prod.loveandpay.io", "http://127.evil.example", "http://127.0.0.1.nip.io",
			"http://localhost.evil.example", "http://app.localhost:8080", "http://[::2]:8080", "http://10.0.0.1",
			"http://2130706433" })
	void plainHttpToAnotherHostFailsStartUpNamingTheBaseUrlAndTheOptIn(String baseUrl) {
		this.runner.withPropertyValues(keys(TestClients.API_KEY, TestClients.SECRET_KEY, baseUrl)).run((context) -> {
			LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
			assertThat(cause.property()).isEqualTo("loveandpay.base-url");
			assertThat(cause.getMessage()).contains("uses plain http to");
			assertThat(cause.action()).contains("Use https").contains("loveandpay.allow-plain-http=true");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:8080", "http://127.1.2.3",
			"http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]" })
	void plainHttpToLoopbackStartsWithoutAWarning(String baseUrl, CapturedOutput output) {
		this.runner.withPropertyValues(keys(TestClients.API_KEY, TestClients.SECRET_KEY, baseUrl))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("plain http");
	}

	@Test
	void plainHttpToAnotherHostStartsWithTestKeysWhenAllowedAndWarns(CapturedOutput output) {
		this.runner.withPropertyValues(keys(TestClients.API_KEY, TestClients.SECRET_KEY, "http://stand-in.example.com"))
			.withPropertyValues("loveandpay.allow-plain-http=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("loveandpay.base-url uses plain http to stand-in.example.com");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void liveKeysNeverStartOverPlainHttpToAnotherHost(boolean allowPlainHttp) {
		this.runner
			.withPropertyValues(keys("pk_live_51HqLyjWDarjtT1zdp7dc", LIVE_SECRET, "http://api.prod.loveandpay.io"))
			.withPropertyValues("loveandpay.allow-plain-http=" + allowPlainHttp)
			.run((context) -> {
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.getMessage())
					.isEqualTo("loveandpay.base-url uses plain http to api.prod.loveandpay.io with live keys");
				assertThat(cause.action()).contains("Use https");
				assertNoKeys(cause.getMessage() + cause.action(), LIVE_SECRET);
			});
	}

	@Test
	void startUpFailureReportForPlainHttpNamesTheBaseUrlAndTheFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--loveandpay.api-key=" + TestClients.API_KEY,
				"--loveandpay.secret-key=" + TestClients.SECRET_KEY, "--loveandpay.base-url=http://127.evil.example",
				"--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("loveandpay.base-url uses plain http to 127.evil.example")
			.contains("loveandpay.allow-plain-http=true")
			.doesNotContain("canary");
	}

	@Test
	void sslBundleThatDoesNotExistFailsStartUpNamingTheProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues(keys(TestClients.API_KEY, TestClients.SECRET_KEY, "https://api.prod.loveandpay.io"))
			.withPropertyValues("loveandpay.ssl.bundle=missing")
			.run((context) -> {
				LoveandpayConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.property()).isEqualTo("loveandpay.ssl.bundle");
				assertThat(cause.getMessage()).contains("'missing', which does not exist");
				assertThat(cause.action()).contains("spring.ssl.bundle.pem.missing");
			});
	}

	private static String[] keys(String apiKey, String secretKey, String baseUrl) {
		return new String[] { "loveandpay.api-key=" + apiKey, "loveandpay.secret-key=" + secretKey,
				"loveandpay.base-url=" + baseUrl };
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
		FailureAnalysis analysis = new LoveandpayConfigurationFailureAnalyzer(new MockEnvironment())
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

	@Test
	void startUpFailureReportForAMissingKeyNamesALookAlikePropertyButNotItsValue(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--loveandpay.api-key=" + TestClients.API_KEY,
				"--loveandpay.secret=" + TestClients.SECRET_KEY, "--spring.main.banner-mode=off"));
		assertThat(output).contains("loveandpay.secret-key is not set")
			.contains("loveandpay.secret is set but is not a loveandpay property: did you mean loveandpay.secret-key"
					+ " or loveandpay.webhook.secret?")
			.doesNotContain("canary");
	}

	@Test
	void failureAnalyzerNamesOnlyUnknownPropertiesThatLookLikeOurs() {
		MockEnvironment environment = new MockEnvironment().withProperty("loveandpay.apikey", "x")
			.withProperty("loveandpay.secret-kye", "sk_test_canary_1")
			.withProperty("loveandpay.api-key", TestClients.API_KEY)
			.withProperty("loveandpay.zzz-unrelated", "x")
			.withProperty("other.secret", "x");
		FailureAnalysis analysis = new LoveandpayConfigurationFailureAnalyzer(environment)
			.analyze(new LoveandpayConfigurationException("loveandpay.secret-key", "is not set", "Set it.", true));
		assertThat(analysis.getAction()).startsWith("Set it.")
			.contains(
					"loveandpay.secret-kye is set but is not a loveandpay property: did you mean loveandpay.secret-key?")
			.doesNotContain("loveandpay.apikey")
			.doesNotContain("zzz")
			.doesNotContain("other.secret")
			.doesNotContain("canary");
	}

	@Test
	void failureAnalyzerTakesTheElementsOfAListPropertyForOurs() {
		MockEnvironment environment = new MockEnvironment().withProperty("loveandpay.webhook.secret[0]", "x")
			.withProperty("loveandpay.webhook.secret[1]", "y")
			.withProperty("loveandpay.secret-kye", "x");
		FailureAnalysis analysis = new LoveandpayConfigurationFailureAnalyzer(environment)
			.analyze(new LoveandpayConfigurationException("loveandpay.secret-key", "is not set", "Set it.", true));
		assertThat(analysis.getAction()).contains("loveandpay.secret-kye is set")
			.doesNotContain("loveandpay.webhook.secret[");
	}

	@Test
	void failureAnalyzerNamesNoLookAlikeWhenAValueIsWrongRatherThanMissing() {
		MockEnvironment environment = new MockEnvironment().withProperty("loveandpay.secret", "x");
		FailureAnalysis analysis = new LoveandpayConfigurationFailureAnalyzer(environment)
			.analyze(new LoveandpayConfigurationException("loveandpay.base-url", "is empty", "Set it."));
		assertThat(analysis.getAction()).isEqualTo("Set it.");
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
	@Import(Checkout.class)
	static class App {

	}

}
