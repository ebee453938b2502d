package io.loveandpay.autoconfigure;

import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.transport.logging.AdvancedByteBufFormat;

import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.TestClients;

import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that the client's trust and wire logging are its own: TLS and wiretap settings
 * that an application makes for its other clients, on Boot's connector builder, never
 * reach it. Against a local https server whose certificate no JVM trusts by default.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoveandpayTransportSecurityTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String WIRE_LOGGER = "app.wide.wiretap";

	@RegisterExtension
	static final WireMockExtension https = LocalServers.wireMockHttps();

	@RegisterExtension
	static final WireMockExtension http = LocalServers.wireMock();

	private final ApplicationContextRunner runner = LoveandpayRunners.configured(new ApplicationContextRunner(),
			SslAutoConfiguration.class);

	@Test
	void appWideInsecureTrustDoesNotReachTheClient() {
		answerASession(https);
		this.runner.withPropertyValues(LoveandpayRunners.baseUrl(https.baseUrl()))
			.withBean(ClientHttpConnectorBuilder.class, LoveandpayTransportSecurityTests::appWideInsecureConnector)
			.run((context) -> {
				assertThatException()
					.isThrownBy(
							() -> context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT))
					.withStackTraceContaining(SSLHandshakeException.class.getName());
				assertThat(https.getAllServeEvents()).isEmpty();
			});
	}

	@Test
	void sslBundleNamedByPropertyIsTheClientsTrust() {
		answerASession(https);
		this.runner
			.withPropertyValues(LoveandpayRunners.baseUrl(https.baseUrl()), "loveandpay.ssl.bundle=stand-in",
					"spring.ssl.bundle.pem.stand-in.truststore.certificate=" + LocalServers.STAND_IN_CERTIFICATE)
			.run((context) -> assertThat(
					context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT).id())
				.isEqualTo(Fixtures.APPROVED_ID));
	}

	@Test
	void appWideSslBundleDoesNotReachTheClient() {
		answerASession(https);
		this.runner
			.withPropertyValues(LoveandpayRunners.baseUrl(https.baseUrl()), "spring.http.clients.ssl.bundle=stand-in",
					"spring.ssl.bundle.pem.stand-in.truststore.certificate=" + LocalServers.STAND_IN_CERTIFICATE)
			.run((context) -> assertThatException()
				.isThrownBy(() -> context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT))
				.withStackTraceContaining(SSLHandshakeException.class.getName()));
	}

	@Test
	void appWideWireLoggingDoesNotReachTheClient(CapturedOutput output) {
		answerASession(http);
		this.runner.withPropertyValues(LoveandpayRunners.baseUrl(http.baseUrl()))
			.withBean(ClientHttpConnectorBuilder.class,
					() -> ClientHttpConnectorBuilder.reactor()
						.withHttpClientCustomizer(
								(client) -> client.wiretap(WIRE_LOGGER, LogLevel.INFO, AdvancedByteBufFormat.TEXTUAL)))
			.run((context) -> {
				assertThat(context.getBean(KycSessionService.class).getSession(Fixtures.APPROVED_ID).block(WAIT).id())
					.isEqualTo(Fixtures.APPROVED_ID);
				assertThat(http.getAllServeEvents()).hasSize(1);
			});
		assertThat(output).doesNotContain(WIRE_LOGGER).doesNotContain(TestClients.API_KEY);
		assertThat(Leaks.findIn(output.toString())).isEmpty();
	}

	private static ClientHttpConnectorBuilder<?> appWideInsecureConnector() {
		SslContext insecure;
		try {
			insecure = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException(ex);
		}
		return ClientHttpConnectorBuilder.reactor()
			.withHttpClientCustomizer((client) -> client.secure((spec) -> spec.sslContext(insecure)));
	}

	private static void answerASession(WireMockExtension server) {
		server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.resource("session-approved.json"))));
	}

}
