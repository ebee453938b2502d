package io.loveandpay.test.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LoveandpayStandInTestAutoConfiguration}.
 */
class LoveandpayStandInTestAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LoveandpayStandInTestAutoConfiguration.class, LoveandpayAutoConfiguration.class));

	@Test
	void startsTheStandInAndClosesItWithTheContext() {
		AtomicReference<LoveandpayStandIn> standIn = new AtomicReference<>();
		this.runner.run((context) -> {
			standIn.set(context.getBean(LoveandpayStandIn.class));
			assertThat(reachable(standIn.get().port())).isTrue();
			assertThat(context.getBean(LoveandpayConnectionDetails.class)).isInstanceOf(StandInConnectionDetails.class);
		});
		assertThat(reachable(standIn.get().port())).isFalse();
	}

	@Test
	void connectionDetailsWinOverProperties() {
		this.runner
			.withPropertyValues("loveandpay.api-key=pk_test_properties", "loveandpay.secret-key=sk_test_properties",
					"loveandpay.base-url=https://provider.invalid")
			.run((context) -> {
				LoveandpayStandIn standIn = context.getBean(LoveandpayStandIn.class);
				LoveandpayConnectionDetails details = context.getBean(LoveandpayConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + standIn.port()));
				assertThat(details.getApiKey()).isEqualTo(standIn.apiKey());
				assertThat(details.getSecretKey()).isEqualTo(standIn.secretKey());
			});
	}

	@Test
	void backsOffFromTheUsersConnectionDetails() {
		this.runner.withUserConfiguration(UserConnectionDetails.class)
			.run((context) -> assertThat(context.getBean(LoveandpayConnectionDetails.class).getApiKey())
				.isEqualTo("pk_test_user"));
	}

	@Test
	void customizersApplyBeforeStart() {
		this.runner.withBean(LoveandpayStandInCustomizer.class, () -> (builder) -> builder.apiKey("pk_test_custom"))
			.run((context) -> assertThat(context.getBean(LoveandpayStandIn.class).apiKey())
				.isEqualTo("pk_test_custom"));
	}

	@Test
	void webhookUrlIsTheApplicationsPortAndPath() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.servlet.context-path", "/app/")
			.withProperty("loveandpay.webhook.path", "/hooks/loveandpay");
		try (LoveandpayStandIn standIn = LoveandpayStandIn.builder().start()) {
			assertThat(new StandInWebhookTarget(standIn, environment).url(8123))
				.isEqualTo(URI.create("http://127.0.0.1:8123/app/hooks/loveandpay"));
		}
	}

	@Test
	void liveKeysAreRefused() {
		this.runner.withBean(LoveandpayStandInCustomizer.class, () -> (builder) -> builder.apiKey("pk_live_x"))
			.run((context) -> assertThat(context).hasFailed());
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> LoveandpayStandIn.builder().apiKey("pk_live_x"));
	}

	private static boolean reachable(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetails {

		@Bean
		LoveandpayConnectionDetails userConnectionDetails() {
			return new LoveandpayConnectionDetails() {

				@Override
				public URI getBaseUrl() {
					return URI.create("http://127.0.0.1:9");
				}

				@Override
				public String getApiKey() {
					return "pk_test_user";
				}

				@Override
				public String getSecretKey() {
					return "sk_test_user";
				}

			};
		}

	}

}
