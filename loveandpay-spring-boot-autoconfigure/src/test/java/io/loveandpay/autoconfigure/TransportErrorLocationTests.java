package io.loveandpay.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LoveandpayRunners;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import io.loveandpay.client.LoveandpayTransportException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that the auto-configured client names where it tried to reach when the network
 * fails.
 */
class TransportErrorLocationTests {

	@Test
	void connectionRefusedNamesTheConfiguredHostAndPortAndTheProperty() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		LoveandpayRunners.configured(new ApplicationContextRunner())
			.withPropertyValues(LoveandpayRunners.baseUrl("http://127.0.0.1:" + port),
					"loveandpay.retry.max-attempts=1")
			.run((context) -> {
				Throwable failure = catchThrowable(() -> context.getBean(KycSessionService.class)
					.getSession(Fixtures.APPROVED_ID)
					.block(Duration.ofSeconds(20)));
				assertThat(failure).isInstanceOf(LoveandpayTransportException.class)
					.hasMessageContaining("127.0.0.1:" + port)
					.hasMessageContaining("loveandpay.base-url");
				Leaks.assertClean(failure);
			});
	}

}
