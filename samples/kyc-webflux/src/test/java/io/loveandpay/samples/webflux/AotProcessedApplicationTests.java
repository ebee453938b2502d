package io.loveandpay.samples.webflux;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as the build's {@code process-aot} leaves it in the jar, started the way
 * Boot documents for ahead-of-time processing on the JVM,
 * {@code java -Dspring.aot.enabled=true -jar}, in a JVM of its own on loopback. The
 * context was processed without keys, so it runs on the in-app stand-in: the client's
 * calls, the webhook receiver, health and metrics work as they do without AOT, and the
 * starter's properties-backed connection details back off for the stand-in's. The jar
 * also carries the reachability metadata a native image would be built from, with the
 * starter's hints in it. Run by Failsafe after {@code package}, which names the jar;
 * Surefire, which runs before the jar exists, skips it.
 */
@EnabledIfSystemProperty(named = "sample.jar", matches = ".+", disabledReason = "needs the jar: runs in mvn verify")
class AotProcessedApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static Process application;

	private static Path log;

	private static int port;

	private static SampleHttp http;

	@BeforeAll
	static void start() throws IOException {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).as("the sample's jar, built by mvn package").isRegularFile();
		port = freePort();
		log = jar.resolveSibling("aot-processed-application.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		application = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar", jar.toString(),
				"--server.address=127.0.0.1", "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		await().atMost(TIMEOUT).until(() -> log().contains("Started KycWebfluxApplication") || !application.isAlive());
		assertThat(application.isAlive()).as("the application is running; its log:%n%s", log()).isTrue();
		http = new SampleHttp(port);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (application != null) {
			application.destroy();
			if (!application.waitFor(20, TimeUnit.SECONDS)) {
				application.destroyForcibly();
			}
		}
	}

	@Test
	void contextIsTheAheadOfTimeProcessedOne() throws IOException {
		assertThat(log()).contains("Starting AOT-processed KycWebfluxApplication");
	}

	@Test
	void jarCarriesTheStartersHintsForNativeImages() throws IOException {
		JsonNode metadata;
		try (JarFile jar = new JarFile(System.getProperty("sample.jar"))) {
			JarEntry entry = jar.getJarEntry(
					"META-INF/native-image/io.loveandpay/loveandpay-sample-kyc-webflux/reachability-metadata.json");
			assertThat(entry).as("reachability metadata in the jar").isNotNull();
			try (InputStream in = jar.getInputStream(entry)) {
				metadata = JsonMapper.builder().build().readTree(in);
			}
		}
		List<String> types = metadata.path("reflection")
			.valueStream()
			.map((hint) -> hint.path("type").asString())
			.toList();
		assertThat(types).contains("io.loveandpay.kyc.SessionEnvelope", "io.loveandpay.kyc.SessionListEnvelope",
				"io.loveandpay.kyc.SessionListEnvelope$Pagination", "io.loveandpay.kyc.SessionItem",
				"io.loveandpay.autoconfigure.health.ProbeEnvelope", "io.loveandpay.webhook.LoveandpayWebhookEvent",
				"io.loveandpay.autoconfigure.LoveandpayProperties$Webhook$Deduplication");
		List<String> resources = metadata.path("resources")
			.valueStream()
			.map((hint) -> hint.path("glob").asString())
			.toList();
		assertThat(resources).contains("META-INF/spring-configuration-metadata.json");
	}

	@Test
	void clientCreatesASessionAndTheWebhookReceiverDeliversTheOutcome() {
		EntityExchangeResult<Verification> created = http.client()
			.post()
			.uri("/api/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customerId\":\"customer-aot\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Verification.class)
			.returnResult();
		URI location = created.getResponseHeaders().getLocation();
		Verification started = created.getResponseBody();
		assertThat(location).isNotNull();
		assertThat(started).isNotNull();
		assertThat(started.status()).isEqualTo("NOT_STARTED");
		assertThat(started.verificationUrl()).isNotNull();
		http.press(started.verificationUrl(), "reject");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> http.client()
				.get()
				.uri(location.toString())
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("REJECTED")
				.jsonPath("$.reason")
				.isEqualTo("document_expired"));
	}

	@Test
	void healthShowsTheStarterContributorOnTheStandInsConnectionDetails() {
		http.client()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.loveandpay.status")
			.isEqualTo("UP")
			.jsonPath("$.components.loveandpay.details.mode")
			.isEqualTo("test");
	}

	@Test
	void metricsCountTheClientsCalls() {
		http.client()
			.post()
			.uri("/api/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customerId\":\"customer-aot-metrics\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		http.client()
			.get()
			.uri("/actuator/metrics/loveandpay.client.requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((List<Double> counts) -> assertThat(counts).singleElement()
				.satisfies((count) -> assertThat(count).isPositive()));
	}

	private static String log() throws IOException {
		return Files.readString(log, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
