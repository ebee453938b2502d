package io.loveandpay.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for the provider's KYC API on loopback. It checks every request's signature
 * exactly as the provider does (HMAC-SHA256 with the secret key over method, raw path,
 * timestamp and the SHA-256 of the body bytes received), keeps sessions in memory, and
 * answers in the provider's shapes.
 */
public final class LoveandpayStandIn implements AutoCloseable {

	public static final String API_KEY = "pk_test_standin_7d3c2a1b";

	public static final String SECRET_KEY = "sk_test_standin_canary_e5f4";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

	private static LoveandpayStandIn shared;

	private final Map<UUID, Map<String, Object>> sessions = new ConcurrentHashMap<>();

	private final List<UUID> newestFirst = new CopyOnWriteArrayList<>();

	private final WireMockServer server;

	public LoveandpayStandIn() {
		this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new Api()));
		this.server.start();
		this.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(Api.NAME)));
	}

	/**
	 * Return the stand-in shared by the test classes of this JVM, started on first use
	 * and stopped when the JVM exits.
	 * @return the shared stand-in
	 */
	public static synchronized LoveandpayStandIn shared() {
		if (shared == null) {
			shared = new LoveandpayStandIn();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public WireMockServer server() {
		return this.server;
	}

	public int requestCount() {
		return this.server.getAllServeEvents().size();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private ResponseDefinition handle(Request request) {
		ResponseDefinition refused = checkSignature(request);
		if (refused != null) {
			return refused;
		}
		String url = request.getUrl();
		String path = rawPath(url);
		String method = request.getMethod().getName();
		if (path.equals("/api/v2/kyc/sessions") && method.equals("POST")) {
			return create(request);
		}
		if (path.equals("/api/v2/kyc/sessions") && method.equals("GET")) {
			return list(request);
		}
		if (path.startsWith("/api/v2/kyc/sessions/") && method.equals("GET")) {
			return get(path.substring("/api/v2/kyc/sessions/".length()), request);
		}
		return json(404, Map.of("error", "Not found"));
	}

	private ResponseDefinition checkSignature(Request request) {
		String apiKey = request.getHeader("x-api-key");
		String timestamp = request.getHeader("x-timestamp");
		String signature = request.getHeader("x-signature");
		if (apiKey == null || timestamp == null || signature == null) {
			return nested(401, "MISSING_HEADERS", "x-api-key, x-timestamp and x-signature are required");
		}
		if (!apiKey.equals(API_KEY)) {
			return nested(401, "INVALID_SIGNATURE", "Unknown API key");
		}
		long millis;
		try {
			millis = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return nested(401, "INVALID_SIGNATURE", "x-timestamp must be Unix milliseconds");
		}
		if (Duration.between(Instant.ofEpochMilli(millis), Instant.now()).abs().compareTo(ALLOWED_SKEW) > 0) {
			return nested(401, "TIMESTAMP_EXPIRED", "Request timestamp is outside the allowed window");
		}
		String expected = sign(request.getMethod().getName(), rawPath(request.getUrl()), timestamp, request.getBody());
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			return nested(401, "INVALID_SIGNATURE", "Signature does not match");
		}
		return null;
	}

	private ResponseDefinition create(Request request) {
		JsonNode body;
		try {
			body = JSON.readTree(request.getBody());
		}
		catch (RuntimeException ex) {
			return flat(400, "VALIDATION_ERROR", "Body is not JSON", "Send a JSON object");
		}
		Set<String> languages = Set.of("ru", "en", "kk");
		if (body.has("language") && !languages.contains(body.get("language").asString())) {
			return flat(400, "VALIDATION_ERROR", "language must be ru, en or kk", "Use ru, en or kk");
		}
		if ("no-terminal".equals(text(body, "customerId"))) {
			return flat(400, "NO_TERMINAL", "No terminal is configured for this partner",
					"Create a terminal in the dashboard");
		}
		UUID id = UUID.randomUUID();
		Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("id", id.toString());
		session.put("sessionId", "verification-" + id.toString().substring(0, 8));
		session.put("invoiceId", text(body, "invoiceId"));
		session.put("customerId", text(body, "customerId"));
		session.put("customerEmail", text(body, "customerEmail"));
		session.put("customerPhone", text(body, "customerPhone"));
		session.put("status", "NOT_STARTED");
		session.put("verificationUrl", "https://kyc.loveandpay.io/verify/" + id);
		session.put("verification", null);
		session.put("expiresAt", createdAt.plus(Duration.ofMinutes(30)).toString());
		session.put("createdAt", createdAt.toString());
		this.sessions.put(id, session);
		this.newestFirst.add(0, id);
		return json(201, Map.of("success", true, "session", session));
	}

	private ResponseDefinition get(String id, Request request) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return json(404, Map.of("error", "Not found"));
		}
		Map<String, Object> session = this.sessions.get(uuid);
		if (session == null) {
			return nested(404, "NOT_FOUND", "KYC session not found");
		}
		return json(200, Map.of("success", true, "session", session));
	}

	private ResponseDefinition list(Request request) {
		int limit = intParameter(request, "limit", 50);
		int offset = intParameter(request, "offset", 0);
		String status = request.queryParameter("status").isPresent() ? request.queryParameter("status").firstValue()
				: null;
		if (limit < 1 || limit > 100 || offset < 0) {
			return flat(400, "VALIDATION_ERROR", "limit must be 1 to 100 and offset 0 or more", null);
		}
		List<Map<String, Object>> matching = new ArrayList<>();
		for (UUID id : this.newestFirst) {
			Map<String, Object> session = this.sessions.get(id);
			if (status == null || status.equals(session.get("status"))) {
				Map<String, Object> item = new LinkedHashMap<>(session);
				item.remove("verificationUrl");
				item.remove("expiresAt");
				matching.add(item);
			}
		}
		List<Map<String, Object>> page = matching.subList(Math.min(offset, matching.size()),
				Math.min(offset + limit, matching.size()));
		Map<String, Object> pagination = Map.of("total", matching.size(), "limit", limit, "offset", offset, "pages",
				(matching.size() + limit - 1) / limit);
		return json(200, Map.of("success", true, "data", page, "pagination", pagination));
	}

	private static int intParameter(Request request, String name, int fallback) {
		if (!request.queryParameter(name).isPresent()) {
			return fallback;
		}
		try {
			return Integer.parseInt(request.queryParameter(name).firstValue());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String text(JsonNode body, String name) {
		JsonNode value = body.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	static String sign(String method, String rawPath, String timestamp, byte[] body) {
		try {
			String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal((method + rawPath + timestamp + bodyHash).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String rawPath(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	private static ResponseDefinition nested(int status, String code, String message) {
		return json(status, Map.of("success", false, "error",
				Map.of("code", code, "message", message, "requestId", "req_" + UUID.randomUUID())));
	}

	private static ResponseDefinition flat(int status, String code, String message, String hint) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", code);
		body.put("code", code);
		body.put("message", message);
		if (hint != null) {
			body.put("hint", hint);
		}
		return json(status, body);
	}

	private static ResponseDefinition json(int status, Object body) {
		return new ResponseDefinitionBuilder().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader("x-request-id", "req_" + UUID.randomUUID())
			.withBody(JSON.writeValueAsBytes(body))
			.build();
	}

	/**
	 * The WireMock extension that answers as the API.
	 */
	private final class Api implements ResponseDefinitionTransformerV2 {

		static final String NAME = "loveandpay-stand-in";

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			return handle(serveEvent.getRequest());
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}
