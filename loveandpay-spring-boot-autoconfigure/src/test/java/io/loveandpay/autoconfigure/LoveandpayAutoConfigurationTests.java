package io.loveandpay.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayRequestSigner;
import io.loveandpay.client.LoveandpaySigningFilter;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Received;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;
import io.loveandpay.client.internal.LoveandpayApiClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LoveandpayAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class));

	private ApplicationContextRunner configured() {
		return this.runner.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY,
				"loveandpay.secret-key=" + TestClients.SECRET_KEY, "loveandpay.base-url=" + server.baseUrl());
	}

	private static void stubSession() {
		server.stubFor(any(anyUrl()).willReturn(okJson(Fixtures.resource("session-approved.json"))));
	}

	@Test
	void createsTheServiceOnASignedClientWithBothKeys() {
		stubSession();
		configured().run((context) -> {
			assertThat(context).hasSingleBean(KycSessionService.class)
				.hasSingleBean(LoveandpayApiClient.class)
				.hasSingleBean(LoveandpaySigningFilter.class)
				.hasSingleBean(LoveandpayRequestSigner.class);
			assertThat(Received.requests(server)).as("start-up makes no network call").isEmpty();
			context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
			LoggedRequest request = Received.requests(server).get(0);
			assertThat(request.getUrl()).isEqualTo("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID);
			SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
		});
	}

	@Test
	void bindsDefaultsAndDurations() {
		this.runner
			.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY,
					"loveandpay.secret-key=" + TestClients.SECRET_KEY)
			.run((context) -> {
				LoveandpayProperties properties = context.getBean(LoveandpayProperties.class);
				assertThat(properties.getBaseUrl()).hasToString("https://api.prod.loveandpay.io");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(30));
			});
		configured().withPropertyValues("loveandpay.connect-timeout=750ms", "loveandpay.response-timeout=2m")
			.run((context) -> {
				LoveandpayProperties properties = context.getBean(LoveandpayProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMinutes(2));
			});
	}

	@Test
	void bindsKeysFromEnvironmentVariables() {
		stubSession();
		this.runner
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("LOVEANDPAY_API_KEY", TestClients.API_KEY, "LOVEANDPAY_SECRET_KEY",
										TestClients.SECRET_KEY, "LOVEANDPAY_BASE_URL", server.baseUrl()))))
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				SignatureCheck.assertSigned(Received.requests(server).get(0), TestClients.API_KEY,
						TestClients.SECRET_KEY);
			});
	}

	@Test
	void appliesResponseTimeout() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(3000)));
		configured().withPropertyValues("loveandpay.response-timeout=300ms").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(LoveandpayTimeoutException.class)
				.isThrownBy(() -> context.getBean(KycSessionService.class).blocking().getSession(Fixtures.APPROVED_ID));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		});
	}

	@Test
	void neverSendsACreateTwiceWhenAPooledConnectionIsReset() {
		stubSession();
		server.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		configured().run((context) -> {
			KycSessionService service = context.getBean(KycSessionService.class);
			service.getSession(Fixtures.APPROVED_ID).block(WAIT);
			assertThatExceptionOfType(LoveandpayOutcomeUnknownException.class)
				.isThrownBy(() -> service.blocking().createSession(CreateKycSessionRequest.builder().build()));
			assertThat(Received.requests(server)).filteredOn((request) -> request.getMethod().getName().equals("POST"))
				.hasSize(1);
		});
	}

	@Test
	void appliesTheApplicationsWebClientCustomizersAndOurs() {
		stubSession();
		configured()
			.withBean(WebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("x-application", "shop")
						.defaultHeader("x-signature", "no"))
			.withBean(LoveandpayWebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("x-loveandpay-only", "yes"))
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				LoggedRequest request = Received.requests(server).get(0);
				assertThat(request.getHeader("x-application")).isEqualTo("shop");
				assertThat(request.getHeader("x-loveandpay-only")).isEqualTo("yes");
				SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
			});
	}

	@Test
	void backsOffFromTheApplicationsSigner() {
		stubSession();
		configured().withBean(LoveandpayRequestSigner.class, () -> (method, path, timestamp, body) -> "custom")
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(Received.requests(server).get(0).getHeader("x-signature")).isEqualTo("custom");
			});
	}

	@Test
	void customSignerDoesNotNeedTheSecretKey() {
		this.runner.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY)
			.withBean(LoveandpayRequestSigner.class, () -> (method, path, timestamp, body) -> "custom")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(KycSessionService.class));
	}

	@Test
	void backsOffFromTheApplicationsService() {
		KycSessionService mine = Mockito.mock(KycSessionService.class);
		configured().withBean(KycSessionService.class, () -> mine)
			.run((context) -> assertThat(context.getBean(KycSessionService.class)).isSameAs(mine));
	}

	@Test
	void signsWithTheLoveandpayClockBean() {
		stubSession();
		Clock fixed = Clock.fixed(Instant.ofEpochMilli(1706012345678L), ZoneOffset.UTC);
		configured().withBean("loveandpayClock", Clock.class, () -> fixed)
			.withBean("applicationClock", Clock.class, () -> Clock.offset(fixed, Duration.ofDays(1)))
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(Received.requests(server).get(0).getHeader("x-timestamp")).isEqualTo("1706012345678");
			});
	}

	@Test
	void ignoresOtherClockBeans() {
		stubSession();
		Clock stale = Clock.fixed(Instant.ofEpochMilli(1706012345678L), ZoneOffset.UTC);
		configured().withBean(Clock.class, () -> stale).run((context) -> {
			context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
			long sent = Long.parseLong(Received.requests(server).get(0).getHeader("x-timestamp"));
			assertThat(sent).isGreaterThan(stale.millis());
		});
	}

	@Test
	void tellsEveryListenerBeanInOrderEvenOneThatNeedsTheService() {
		server.stubFor(get(anyUrl()).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("answering"));
		server.stubFor(get(anyUrl()).inScenario("retry")
			.whenScenarioStateIs("answering")
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		configured().withPropertyValues("loveandpay.retry.initial-backoff=1ms")
			.withUserConfiguration(ListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				assertThat(context.getBean(Heard.class).events).containsExactly("first kyc.sessions.get",
						"second kyc.sessions.get");
			});
	}

	@Test
	void sendsRequestsBelowTheBaseUrlsPath() {
		stubSession();
		configured().withPropertyValues("loveandpay.base-url=" + server.baseUrl() + "/gateway/").run((context) -> {
			context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
			LoggedRequest request = Received.requests(server).get(0);
			assertThat(request.getUrl()).isEqualTo("/gateway/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID);
			SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
		});
	}

	@Test
	void worksWithoutBootsWebClientBuilder() {
		stubSession();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LoveandpayAutoConfiguration.class))
			.withPropertyValues("loveandpay.api-key=" + TestClients.API_KEY,
					"loveandpay.secret-key=" + TestClients.SECRET_KEY, "loveandpay.base-url=" + server.baseUrl())
			.run((context) -> {
				context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT);
				SignatureCheck.assertSigned(Received.requests(server).get(0), TestClients.API_KEY,
						TestClients.SECRET_KEY);
			});
	}

	@Test
	void warnsOfPlainHttpToAnotherHost(CapturedOutput output) {
		configured().withPropertyValues("loveandpay.base-url=http://api.example.com").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("loveandpay.base-url uses plain http to api.example.com");
		});
	}

	@Test
	void doesNotWarnOfPlainHttpToLoopback(CapturedOutput output) {
		configured().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("plain http");
		});
	}

	@Test
	void propertiesToStringHidesTheKeys() {
		configured().run((context) -> assertThat(context.getBean(LoveandpayProperties.class)).asString()
			.doesNotContain(TestClients.SECRET_KEY)
			.doesNotContain("canary")
			.doesNotContain(TestClients.API_KEY)
			.contains("pk_test_"));
	}

	static final class Heard {

		final List<String> events = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		Heard heard() {
			return new Heard();
		}

		@Bean
		@Order(2)
		LoveandpayClientListener second(Heard heard) {
			return new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					heard.events.add("second " + operation);
				}

			};
		}

		// Needs the service whose client it listens to: listeners are found on the first
		// event, not while the client is made.
		@Bean
		@Order(1)
		LoveandpayClientListener first(Heard heard, KycSessionService service) {
			return new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					heard.events.add("first " + operation);
				}

			};
		}

	}

}
