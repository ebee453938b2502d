package io.loveandpay.smoke;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

import io.loveandpay.autoconfigure.LoveandpayConnectionDetails;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.testsupport.CanaryKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's application with no {@code loveandpay.*} property at all: a
 * {@link LoveandpayConnectionDetails} bean of the test points it at a stand-in the test
 * starts itself, as a user's tests plug in a stand-in of their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ConnectionDetailsApplicationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	LoveandpayStandIn standIn;

	@Test
	void startsWithNoLoveandpayPropertyAndTheTestsConnectionDetailsOnly() {
		assertThat(this.environment.getPropertySources()
			.stream()
			.filter(EnumerablePropertySource.class::isInstance)
			.flatMap((source) -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
			.filter((name) -> name.toLowerCase().startsWith("loveandpay"))).isEmpty();
		assertThat(this.context.getBeansOfType(LoveandpayConnectionDetails.class))
			.containsOnlyKeys("standInConnectionDetails");
	}

	@Test
	void verificationStartsAndShowsItsStatusAgainstTheStandIn() {
		VerificationFlow flow = new VerificationFlow(this.http, this.standIn);
		String customerId = VerificationFlow.newCustomerId();
		UUID id = flow.start(customerId);
		assertThat(flow.status(id)).isEqualTo("NOT_STARTED");
		flow.expectNotFound(UUID.randomUUID());
		flow.assertSigned(customerId, id, 1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StandInConnection {

		@Bean(destroyMethod = "close")
		LoveandpayStandIn standIn() {
			return CanaryKeys.apply(LoveandpayStandIn.builder()).start();
		}

		@Bean
		LoveandpayConnectionDetails standInConnectionDetails(LoveandpayStandIn standIn) {
			return new LoveandpayConnectionDetails() {

				@Override
				public URI getBaseUrl() {
					return standIn.clientBaseUrl();
				}

				@Override
				public String getApiKey() {
					return standIn.apiKey();
				}

				@Override
				public String getSecretKey() {
					return standIn.secretKey();
				}

			};
		}

	}

}
