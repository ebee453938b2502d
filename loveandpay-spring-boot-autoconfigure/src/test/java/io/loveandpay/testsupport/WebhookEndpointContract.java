package io.loveandpay.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.kyc.KycWebhookSession;
import io.loveandpay.webhook.InMemoryWebhookDeduplicationStore;
import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookDeduplicationStore;
import io.loveandpay.webhook.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint of a running application on a random port, over real HTTP on
 * loopback: what is delivered to the listeners, once, and what is refused. A subclass
 * starts the application ({@code @SpringBootTest(webEnvironment = RANDOM_PORT, classes =
 * {App.class, WebhookEventRecorder.class})}); the same cases run on Spring MVC and
 * WebFlux, with and without Spring Security.
 */
public abstract class WebhookEndpointContract {

	/** The current webhook secret. */
	public static final String NEW_SECRET = "whsec_canary_new_4f1e";

	/** The previous webhook secret, still accepted during a rotation. */
	public static final String OLD_SECRET = "whsec_canary_old_9b2d";

	/** The webhook path: the default. */
	public static final String PATH = "/loveandpay/webhooks";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** The bound of the de-duplication store, below the 10,000 events of the floods. */
	private static final int STORE_BOUND = 1000;

	private static final int FLOOD = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final WebhookSigner signer = new WebhookSigner(NEW_SECRET);

	@LocalServerPort
	protected int port;

	@Autowired
	protected WebhookEventRecorder recorder;

	@Autowired
	private WebhookDeduplicationStore store;

	@DynamicPropertySource
	static void webhookSecrets(DynamicPropertyRegistry registry) {
		StandInProperties.register(registry);
		registry.add("loveandpay.webhook.secret", () -> NEW_SECRET + "," + OLD_SECRET);
		registry.add("loveandpay.webhook.max-entries", () -> STORE_BOUND);
	}

	@Test
	void kycCompletedInTheSessionEnvelopeReachesTheListener() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		assertThat(post(this.signer.sign(event.body())).statusCode()).isEqualTo(200);
		KycWebhookEvent received = deliveredOnce(event);
		assertThat(received.type()).isEqualTo("kyc.completed");
		assertThat(received.isCompleted()).isTrue();
		assertThat(received.isFailed()).isFalse();
		assertThat(received.occurredAt()).isEqualTo(event.time());
		KycWebhookSession session = received.session();
		assertThat(session.status()).isEqualTo("completed");
		assertThat(session.level()).isEqualTo("advanced");
		assertThat(session.completedAt()).isEqualTo(event.time());
		assertThat(session.failureReason()).isNull();
		assertPersonalData(session);
	}

	@Test
	void kycFailedInTheSessionEnvelopeReachesTheListener() throws Exception {
		Event event = Event.sessionEnvelope("kyc.failed");
		assertThat(post(this.signer.sign(event.body())).statusCode()).isEqualTo(200);
		KycWebhookEvent received = deliveredOnce(event);
		assertThat(received.type()).isEqualTo("kyc.failed");
		assertThat(received.isFailed()).isTrue();
		assertThat(received.isCompleted()).isFalse();
		KycWebhookSession session = received.session();
		assertThat(session.status()).isEqualTo("failed");
		assertThat(session.failedAt()).isEqualTo(event.time());
		assertThat(session.failureReason()).isEqualTo("document_expired");
		assertThat(session.failureDetails()).contains("expiryDate");
		assertPersonalData(session);
	}

	@Test
	void kycCompletedInTheEventEnvelopeReachesTheListener() throws Exception {
		Event event = Event.eventEnvelope("KYC_COMPLETED");
		assertThat(post(this.signer.sign(event.body())).statusCode()).isEqualTo(200);
		KycWebhookEvent received = deliveredOnce(event);
		assertThat(received.type()).isEqualTo("KYC_COMPLETED");
		assertThat(received.isCompleted()).isTrue();
		assertThat(received.occurredAt()).isEqualTo(event.time());
		assertThat(received.session().status()).isEqualTo("completed");
		assertThat(received.session().completedAt()).isEqualTo(event.time());
		assertPersonalData(received.session());
	}

	@Test
	void kycFailedInTheEventEnvelopeReachesTheListener() throws Exception {
		Event event = Event.eventEnvelope("KYC_FAILED");
		assertThat(post(this.signer.sign(event.body())).statusCode()).isEqualTo(200);
		KycWebhookEvent received = deliveredOnce(event);
		assertThat(received.type()).isEqualTo("KYC_FAILED");
		assertThat(received.isFailed()).isTrue();
		assertThat(received.session().failureReason()).isEqualTo("document_expired");
		assertThat(received.session().failedAt()).isEqualTo(event.time());
		assertPersonalData(received.session());
	}

	@Test
	void listenersNeverRunOnAnEventLoopThread() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		assertThat(post(this.signer.sign(event.body())).statusCode()).isEqualTo(200);
		assertThat(this.recorder.ranOnNonBlockingThread(event.id())).isFalse();
	}

	@Test
	void oneChangedByteIsRefused() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		SignedWebhook signed = this.signer.sign(event.body());
		byte[] tampered = signed.body();
		int level = event.text().indexOf("advanced");
		tampered[level] = (byte) 'A';
		HttpResponse<String> response = post(tampered, signed.headers());
		assertRefused(response, 401, event);
		assertThat(response.body()).doesNotContain(signed.header("x-webhook-signature").substring(7));
		assertThat(post(signed).statusCode()).as("the untouched body").isEqualTo(200);
		deliveredOnce(event);
	}

	@Test
	void reserialisedJsonIsRefused() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		SignedWebhook signed = this.signer.sign(event.body());
		byte[] reserialised = JSON.writeValueAsBytes(JSON.readTree(event.body()));
		assertThat(reserialised).isNotEqualTo(event.body());
		assertRefused(post(reserialised, signed.headers()), 401, event);
		assertThat(post(signed).statusCode()).as("the body as signed").isEqualTo(200);
		deliveredOnce(event);
	}

	@Test
	void wrongSecretIsRefused() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		assertRefused(post(new WebhookSigner("whsec_canary_wrong").sign(event.body())), 401, event);
	}

	@ParameterizedTest
	@EnumSource(BadSignature.class)
	void badSignatureHeaderIsRefused(BadSignature bad) throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		SignedWebhook signed = this.signer.sign(event.body());
		Map<String, String> headers = new LinkedHashMap<>(signed.headers());
		String signature = headers.remove("x-webhook-signature");
		String hex = signature.substring("sha256=".length());
		String value = switch (bad) {
			case MISSING -> null;
			case MALFORMED -> hex;
			case NON_HEX -> "sha256=" + "zz" + hex.substring(2);
			case TRUNCATED -> "sha256=" + hex.substring(0, 32);
		};
		if (value != null) {
			headers.put("x-webhook-signature", value);
		}
		assertRefused(post(event.body(), headers), 401, event);
		assertThat(post(signed).statusCode()).as("the same body, well signed").isEqualTo(200);
		deliveredOnce(event);
	}

	@Test
	void eventOlderThanTheMaximumAgeIsRefused() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed", Instant.now().minus(Duration.ofHours(73)));
		assertRefused(post(this.signer.sign(event.body())), 400, event);
	}

	@Test
	void eventFromTheFutureIsRefused() throws Exception {
		Event event = Event.eventEnvelope("KYC_COMPLETED", Instant.now().plus(Duration.ofMinutes(30)));
		assertRefused(post(this.signer.sign(event.body())), 400, event);
	}

	@Test
	void sameBodyResentWithFreshHeadersIsDeliveredOnce() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		SignedWebhook first = this.signer.sign(event.body(), deliveryId(), Instant.now());
		SignedWebhook replay = this.signer.sign(event.body(), deliveryId(), Instant.now().plusSeconds(60));
		assertThat(replay.header("x-webhook-id")).isNotEqualTo(first.header("x-webhook-id"));
		assertThat(post(first).statusCode()).isEqualTo(200);
		assertThat(post(replay).statusCode()).isEqualTo(200);
		deliveredOnce(event);
		assertThat(this.recorder.attempts(event.id())).isEqualTo(1);
	}

	@Test
	void concurrentDeliveriesOfOneEventRunTheListenerOnce() throws Exception {
		Event event = Event.sessionEnvelope("kyc.completed");
		WebhookEventRecorder.Hold hold = this.recorder.holdOnce(event.id());
		CompletableFuture<HttpResponse<String>> first = this.http.sendAsync(request(this.signer.sign(event.body())),
				HttpResponse.BodyHandlers.ofString());
		assertThat(hold.awaitEntered()).as("the first delivery reached the listener").isTrue();
		HttpResponse<String> second = post(this.signer.sign(event.body()));
		hold.release().countDown();
		assertThat(second.statusCode()).as("the second, while the first is handled").isEqualTo(409);
		assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(post(this.signer.sign(event.body())).statusCode()).as("a third, after").isEqualTo(200);
		deliveredOnce(event);
		assertThat(this.recorder.attempts(event.id())).isEqualTo(1);
	}

	@Test
	void eitherSecretOfARotationPairIsAccepted() throws Exception {
		Event current = Event.sessionEnvelope("kyc.completed");
		Event previous = Event.eventEnvelope("KYC_COMPLETED");
		assertThat(post(new WebhookSigner(NEW_SECRET).sign(current.body())).statusCode()).isEqualTo(200);
		assertThat(post(new WebhookSigner(OLD_SECRET).sign(previous.body())).statusCode()).isEqualTo(200);
		deliveredOnce(current);
		deliveredOnce(previous);
	}

	@Test
	void listenerFailureAnswers500AndTheRedeliveryIsDeliveredOnce() throws Exception {
		Event event = Event.sessionEnvelope("kyc.failed");
		this.recorder.failOnce(event.id());
		assertThat(post(this.signer.sign(event.body())).statusCode()).isEqualTo(500);
		assertThat(this.recorder.attempts(event.id())).isEqualTo(1);
		assertThat(this.recorder.delivered(event.id())).isEmpty();
		assertThat(post(this.signer.sign(event.body())).statusCode()).as("the redelivery").isEqualTo(200);
		assertThat(post(this.signer.sign(event.body())).statusCode()).as("a later duplicate").isEqualTo(200);
		deliveredOnce(event);
		assertThat(this.recorder.attempts(event.id())).isEqualTo(2);
	}

	@Test
	void oversizedBodyIsRefused() throws Exception {
		Event event = Event.padded(300 * 1024);
		HttpResponse<String> response = post(this.signer.sign(event.body()));
		assertRefused(response, 413, event);
	}

	@Test
	void verifiedBodyThatIsNotJsonIsAcknowledgedAndDeliveredRaw() throws Exception {
		String text = "not json: " + letters(12);
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		String eventId = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		assertThat(post(this.signer.sign(body)).statusCode()).isEqualTo(200);
		assertThat(this.recorder.delivered(eventId)).singleElement().satisfies((event) -> {
			assertThat(event).isNotInstanceOf(KycWebhookEvent.class);
			assertThat(event.rawJson()).isEqualTo(text);
			assertThat(event.type()).isNull();
		});
		assertThat(this.recorder.kycDelivered(eventId)).isEmpty();
	}

	@Test
	void tenThousandForgedDeliveriesAreRefusedAndLeaveNothingBehind() throws Exception {
		InMemoryWebhookDeduplicationStore store = (InMemoryWebhookDeduplicationStore) this.store;
		int storedBefore = store.size();
		int deliveredBefore = this.recorder.deliveredEvents();
		WebhookSigner forger = new WebhookSigner("whsec_canary_forger");
		Map<Integer, Long> statuses = flood(() -> {
			Event event = Event.sessionEnvelope("kyc.completed");
			return post(forger.sign(event.body(), deliveryId(), Instant.now())).statusCode();
		});
		assertThat(statuses).containsOnly(Map.entry(401, (long) FLOOD));
		assertThat(store.size()).as("entries in the de-duplication store").isEqualTo(storedBefore);
		assertThat(this.recorder.deliveredEvents()).isEqualTo(deliveredBefore);
	}

	@Test
	void tenThousandDistinctEventsLeaveTheStoreWithinItsBound() throws Exception {
		InMemoryWebhookDeduplicationStore store = (InMemoryWebhookDeduplicationStore) this.store;
		int deliveredBefore = this.recorder.deliveredEvents();
		Map<Integer, Long> statuses = flood(() -> {
			Event event = Event.sessionEnvelope("kyc.completed");
			return post(this.signer.sign(event.body(), deliveryId(), Instant.now())).statusCode();
		});
		assertThat(statuses).containsOnly(Map.entry(200, (long) FLOOD));
		assertThat(this.recorder.deliveredEvents()).isEqualTo(deliveredBefore + FLOOD);
		assertThat(store.maxEntries()).isEqualTo(STORE_BOUND);
		assertThat(store.size()).isLessThanOrEqualTo(STORE_BOUND);
	}

	/**
	 * Send {@value #FLOOD} deliveries from 8 threads and count the answers by status.
	 */
	private Map<Integer, Long> flood(Callable<Integer> delivery) throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>(FLOOD);
			for (int i = 0; i < FLOOD; i++) {
				answers.add(senders.submit(delivery));
			}
			Map<Integer, Long> statuses = new TreeMap<>();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), 1L, Long::sum);
			}
			return statuses;
		}
		finally {
			senders.shutdownNow();
		}
	}

	@Test
	void getOnTheWebhookPathIsNotSuccessful() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(PATH)).timeout(TIMEOUT).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isBetween(300, 599);
	}

	protected HttpResponse<String> post(SignedWebhook webhook) throws IOException, InterruptedException {
		return this.http.send(request(webhook), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> post(byte[] body, Map<String, String> headers)
			throws IOException, InterruptedException {
		return this.http.send(request(body, headers), HttpResponse.BodyHandlers.ofString());
	}

	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	protected WebhookSigner signer() {
		return this.signer;
	}

	private HttpRequest request(SignedWebhook webhook) {
		return request(webhook.body(), webhook.headers());
	}

	private HttpRequest request(byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(PATH))
			.timeout(TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return request.build();
	}

	protected KycWebhookEvent deliveredOnce(Event event) {
		assertThat(this.recorder.delivered(event.id())).as("deliveries of %s", event.id()).hasSize(1);
		assertThat(this.recorder.kycDelivered(event.id())).as("KYC deliveries of %s", event.id()).hasSize(1);
		KycWebhookEvent received = this.recorder.kycDelivered(event.id()).get(0);
		assertThat(received.eventId()).isEqualTo(event.id());
		assertThat(received.rawJson()).isEqualTo(event.text());
		assertThat(received.session().id()).isEqualTo(event.sessionId());
		return received;
	}

	private void assertRefused(HttpResponse<String> response, int status, Event event) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(Leaks.findIn(response.body())).isEmpty();
		assertThat(response.body()).doesNotContain("sha256=");
		assertThat(this.recorder.attempts(event.id())).as("listener calls").isZero();
		assertThat(this.recorder.delivered(event.id())).isEmpty();
	}

	private static void assertPersonalData(KycWebhookSession session) {
		assertThat(session.customerId()).isEqualTo("user_42");
		assertThat(session.customerEmail()).isEqualTo("ivan.petrov@example.com");
		assertThat(session.verifiedData()).isNotNull();
		assertThat(session.verifiedData().firstName()).isEqualTo("Иван");
		assertThat(session.verifiedData().lastName()).isEqualTo("Петров");
		assertThat(session.verifiedData().dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 14));
		assertThat(session.verifiedData().documentNumber()).isEqualTo("****8831");
		assertThat(session.verifiedData().documentType()).isEqualTo("passport");
		assertThat(session.toString()).doesNotContain("Иван", "1990", "8831", "example.com");
	}

	/**
	 * Letters only: no random digits that could spell a canary of the leak scan.
	 */
	protected static String letters(int length) {
		StringBuilder letters = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

	protected static String deliveryId() {
		return "whd_" + letters(20);
	}

	/**
	 * The ways of getting the signature header wrong.
	 */
	public enum BadSignature {

		/** No header. */
		MISSING,
		/** The hex without {@code sha256=}. */
		MALFORMED,
		/** Not hex digits. */
		NON_HEX,
		/** Half the digits. */
		TRUNCATED

	}

	/**
	 * A KYC event body of one of the provider's two envelopes.
	 *
	 * @param id the event id
	 * @param sessionId the session id
	 * @param time the signed event time
	 * @param text the body
	 */
	public record Event(String id, String sessionId, Instant time, String text) {

		public static Event sessionEnvelope(String type) {
			return sessionEnvelope(type, Instant.now());
		}

		public static Event sessionEnvelope(String type, Instant time) {
			Instant at = time.truncatedTo(ChronoUnit.MILLIS);
			String id = "evt_" + letters(16);
			String sessionId = "kyc_" + letters(10);
			String body = "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"createdAt\": \"" + at
					+ "\", \"data\": {\"session\": " + session(sessionId, type, at) + "}}";
			return new Event(id, sessionId, at, body);
		}

		public static Event eventEnvelope(String type) {
			return eventEnvelope(type, Instant.now());
		}

		public static Event eventEnvelope(String type, Instant time) {
			Instant at = time.truncatedTo(ChronoUnit.MILLIS);
			String id = "evt_" + letters(16);
			String sessionId = "kyc_" + letters(10);
			String body = "{\"id\": \"" + id + "\", \"event\": \"" + type + "\", \"timestamp\": " + at.toEpochMilli()
					+ ", \"data\": " + session(sessionId, type, at)
					+ ", \"partnerId\": \"partner_it\", \"retryCount\": 0}";
			return new Event(id, sessionId, at, body);
		}

		public static Event padded(int size) {
			Event event = sessionEnvelope("kyc.completed");
			String padding = "x".repeat(Math.max(0, size - event.text().length()));
			String text = event.text().substring(0, event.text().length() - 1) + ", \"padding\": \"" + padding + "\"}";
			return new Event(event.id(), event.sessionId(), event.time(), text);
		}

		private static String session(String sessionId, String type, Instant at) {
			boolean failed = LoveandpayWebhookEvent.normalizedType(type).equals("kyc.failed");
			String outcome = failed ? "\"status\": \"failed\", \"failedAt\": \"" + at
					+ "\", \"failureReason\": \"document_expired\", \"failureDetails\": {\"field\": \"expiryDate\"}"
					: "\"status\": \"completed\", \"completedAt\": \"" + at + "\"";
			return "{\"id\": \"" + sessionId + "\", " + outcome + ", \"level\": \"advanced\", "
					+ "\"verifiedData\": {\"firstName\": \"Иван\", \"lastName\": \"Петров\", "
					+ "\"middleName\": \"Сергеевич\", \"dateOfBirth\": \"1990-05-14\", \"nationality\": \"RU\", "
					+ "\"documentType\": \"passport\", \"documentNumber\": \"****8831\"}, "
					+ "\"metadata\": {\"userId\": \"user_42\", \"email\": \"ivan.petrov@example.com\"}}";
		}

		public byte[] body() {
			return this.text.getBytes(StandardCharsets.UTF_8);
		}

	}

}
