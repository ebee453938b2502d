package io.loveandpay.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.LocalServers;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With DEBUG logging on for the client, Spring's WebClient and reactor-netty, bodies are
 * logged with every personal field masked, and no key or signature appears.
 */
@ExtendWith(OutputCaptureExtension.class)
class DebugLoggingTests {

	private static final List<String> LOGGERS = List.of("io.loveandpay",
			"org.springframework.web.reactive.function.client", "org.springframework.http.codec",
			"reactor.netty.http.client");

	@RegisterExtension
	static WireMockExtension server = LocalServers.wireMock();

	@BeforeAll
	static void debug() {
		LOGGERS.forEach((name) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.DEBUG));
	}

	@AfterAll
	static void quiet() {
		LOGGERS.forEach((name) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
	}

	@Test
	void bodiesAreLoggedAtDebugWithPersonalFieldsMasked(CapturedOutput output) {
		server.stubFor(post("/api/v2/kyc/sessions").willReturn(okJson(
				Fixtures.resource("session-created.json").replace("client@example.com", "ivan.petrov@example.com"))));
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID)
			.willReturn(okJson(Fixtures.resource("session-approved.json"))));
		server.stubFor(get(urlPathEqualTo("/api/v2/kyc/sessions")).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":\"VALIDATION_ERROR\",\"message\":\"phone +79161234567 of Иван Петров is invalid\"}")));
		KycSessionService service = KycSessionService
			.create(TestClients.apiClient(server.baseUrl(), Clock.systemUTC()));
		service
			.createSession(CreateKycSessionRequest.builder()
				.customerEmail("ivan.petrov@example.com")
				.customerPhone("+79161234567")
				.customerId("Петров")
				.build())
			.block(Duration.ofSeconds(10));
		service.getSession(Fixtures.APPROVED_ID).block(Duration.ofSeconds(10));
		service.listSessions(KycSessionQuery.all()).onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(10));
		assertThat(output).contains("POST /kyc/sessions (kyc.sessions.create) attempt 1 sends")
			.contains("\"customerEmail\":\"***\"")
			.contains("\"firstName\":\"***\"")
			.contains("\"dateOfBirth\":\"***\"")
			.contains("\"documentNumber\":\"***\"")
			.contains("answered HTTP 422")
			.contains("VALIDATION_ERROR");
		assertThat(Leaks.findIn(output.toString())).isEmpty();
	}

	@Test
	void unknownFieldsAreMaskedAtDebugWhileKnownHarmlessFieldsAreShown(CapturedOutput output) {
		server.stubFor(get("/api/v2/kyc/sessions/" + Fixtures.APPROVED_ID).willReturn(okJson(Fixtures
			.resource("session-approved.json")
			.replace("\"someFutureField\"",
					"\"givenName\":\"Иван\",\"contact\":\"ivan.petrov@example.com\",\"vip\":true,\"age\":35,"
							+ "\"residence\":{\"city\":\"Kazan\",\"street\":\"Baumana 12\"},\"someFutureField\""))));
		KycSessionService service = KycSessionService
			.create(TestClients.apiClient(server.baseUrl(), Clock.systemUTC()));
		service.getSession(Fixtures.APPROVED_ID).block(Duration.ofSeconds(10));
		assertThat(output).contains("\"givenName\":\"***\"")
			.contains("\"contact\":\"***\"")
			.contains("\"vip\":\"***\"")
			.contains("\"age\":\"***\"")
			.contains("\"residence\":\"***\"")
			.contains("\"success\":true")
			.contains("\"id\":\"" + Fixtures.APPROVED_ID + "\"")
			.contains("\"status\":\"APPROVED\"")
			.contains("\"documentType\":\"passport\"")
			.contains("\"faceMatchScore\":0.97")
			.contains("\"createdAt\":\"2024-01-23T12:34:56.789Z\"")
			.doesNotContain("Kazan")
			.doesNotContain("Baumana");
		assertThat(Leaks.findIn(output.toString())).isEmpty();
	}

}
