package io.loveandpay.test.standin;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Routes a request to the provider's API or the hosted page, after the provider's checks,
 * the rate limit and the scripted faults.
 */
final class ApiRoutes {

	static final String API = "/api/v2";

	private static final String SESSIONS = API + "/kyc/sessions";

	private static final Pattern SESSION = Pattern.compile(Pattern.quote(SESSIONS) + "/([^/]+)");

	private static final Set<String> LANGUAGES = Set.of("ru", "en", "kk");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{10,15}");

	private final LoveandpayStandIn standIn;

	private final RequestCheck check;

	private final VerificationPage page;

	ApiRoutes(LoveandpayStandIn standIn) {
		this.standIn = standIn;
		this.check = new RequestCheck(standIn.apiKey(), standIn.secretKey(), standIn.timestampTolerance());
		this.page = new VerificationPage(standIn.sessions());
	}

	Routed handle(String method, String path, @Nullable String query, Function<String, @Nullable String> header,
			byte[] body, String requestId) {
		if (path.startsWith("/verify/")) {
			return new Routed(this.page.handle(method, path, body), SignatureVerdict.NOT_REQUIRED);
		}
		Operation operation = null;
		UUID sessionId = null;
		String rawId = null;
		Matcher matcher = SESSION.matcher(path);
		if (path.equals(SESSIONS) && method.equals("POST")) {
			operation = Operation.CREATE;
		}
		else if (path.equals(SESSIONS) && method.equals("GET")) {
			operation = Operation.LIST;
		}
		else if (matcher.matches() && method.equals("GET")) {
			operation = Operation.GET;
			rawId = matcher.group(1);
			sessionId = uuid(rawId);
		}
		if (!path.startsWith(API + "/")) {
			return new Routed(notFound(), SignatureVerdict.NOT_REQUIRED);
		}
		Instant now = this.standIn.faults().now();
		RequestCheck.Result result = this.check.check(method, path, header.apply("x-api-key"),
				header.apply("x-timestamp"), header.apply("x-signature"), body, now);
		if (operation == null) {
			return new Routed(notFound(), result.verdict());
		}
		if (result.code() != null) {
			return new Routed(error(401, result.code(), result.message(), requestId), result.verdict());
		}
		Duration retryAfter = this.standIn.rateLimiter().acquire(now);
		if (retryAfter != null) {
			return new Routed(rateLimited(retryAfter, requestId), result.verdict());
		}
		Fault fault = this.standIn.faults().next(operation, sessionId);
		return new Routed(serve(operation, fault, sessionId, rawId, query, body, requestId), result.verdict());
	}

	private Answer serve(Operation operation, @Nullable Fault fault, @Nullable UUID sessionId, @Nullable String rawId,
			@Nullable String query, byte[] body, String requestId) {
		if (fault != null) {
			switch (fault.kind()) {
				case STATUS:
					return error(fault.status(), (fault.name() != null) ? fault.name() : codeFor(fault.status()),
							"Scripted failure", requestId);
				case FLAT_STATUS:
					return flatError(fault.status(), fault.name());
				case RATE_LIMIT:
					return rateLimited(fault.duration(), requestId);
				case RESET:
					return Answer.reset();
				default:
			}
		}
		UnaryOperator<Map<String, @Nullable Object>> session = reshape(fault);
		Answer answer = switch (operation) {
			case CREATE -> create(body, requestId, session);
			case GET -> get(sessionId, rawId, requestId, session);
			case LIST -> list(query, requestId, session, fault);
		};
		if (fault != null && fault.kind() == Fault.Kind.LOSE_ANSWER) {
			return Answer.reset();
		}
		if (fault != null && fault.kind() == Fault.Kind.DELAY) {
			return answer.delayed(fault.duration());
		}
		return answer;
	}

	private Answer create(byte[] body, String requestId, UnaryOperator<Map<String, @Nullable Object>> reshape) {
		Map<String, @Nullable Object> fields;
		try {
			fields = (body.length == 0) ? Map.of() : StandInJson.readObject(body);
		}
		catch (JacksonException ex) {
			return validation("Body must be a JSON object", requestId);
		}
		if (fields == null) {
			return validation("Body must be a JSON object", requestId);
		}
		for (String name : List.of("invoiceId", "customerEmail", "customerPhone", "customerId", "callbackUrl",
				"language")) {
			Object value = fields.get(name);
			if (value != null && !(value instanceof String)) {
				return validation(name + " must be a string", requestId);
			}
		}
		String invoice = (String) fields.get("invoiceId");
		UUID invoiceId = (invoice != null) ? uuid(invoice) : null;
		if (invoice != null && invoiceId == null) {
			return validation("invoiceId must be a UUID", requestId);
		}
		String email = (String) fields.get("customerEmail");
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			return validation("customerEmail must be an email address", requestId);
		}
		String phone = (String) fields.get("customerPhone");
		if (phone != null && !PHONE.matcher(phone).matches()) {
			return validation("customerPhone must be a phone number such as +7XXXXXXXXXX", requestId);
		}
		String callback = (String) fields.get("callbackUrl");
		URI callbackUrl = (callback != null) ? httpUri(callback) : null;
		if (callback != null && callbackUrl == null) {
			return validation("callbackUrl must be an absolute http or https URL", requestId);
		}
		String language = (String) fields.getOrDefault("language", "ru");
		if (language == null) {
			language = "ru";
		}
		if (!LANGUAGES.contains(language)) {
			return validation("language must be one of ru, en, kk", requestId);
		}
		String customerId = (String) fields.get("customerId");
		StandInSession created = this.standIn.sessions()
			.create(invoiceId, customerId, email, phone, callbackUrl, language);
		return sessionAnswer(200, created, reshape);
	}

	private Answer get(@Nullable UUID id, @Nullable String rawId, String requestId,
			UnaryOperator<Map<String, @Nullable Object>> reshape) {
		StandInSession session = (id != null) ? this.standIn.sessions().find(id).orElse(null) : null;
		if (session == null) {
			return error(404, "NOT_FOUND", "Session not found", requestId);
		}
		return sessionAnswer(200, session, reshape);
	}

	private Answer list(@Nullable String query, String requestId, UnaryOperator<Map<String, @Nullable Object>> reshape,
			@Nullable Fault fault) {
		Map<String, String> parameters = parameters(query);
		Integer limit = number(parameters.get("limit"), 50);
		Integer offset = number(parameters.get("offset"), 0);
		if (limit == null || limit < 1) {
			return validation("limit must be a positive number", requestId);
		}
		if (offset == null || offset < 0) {
			return validation("offset must be zero or more", requestId);
		}
		limit = Math.min(limit, 100);
		String status = parameters.get("status");
		List<StandInSession> matching = this.standIn.sessions()
			.all()
			.stream()
			.filter((session) -> status == null || status.isEmpty() || session.status().equals(status))
			.toList();
		List<Map<String, @Nullable Object>> data = matching.stream()
			.skip(offset)
			.limit(limit)
			.map((session) -> reshape.apply(SessionJson.item(session)))
			.toList();
		Map<String, @Nullable Object> pagination = new LinkedHashMap<>();
		pagination.put("total", matching.size());
		pagination.put("limit", limit);
		pagination.put("offset", offset);
		pagination.put("pages", (matching.size() + limit - 1) / limit);
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("success", true);
		answer.put("data", data);
		answer.put("pagination", pagination);
		extraField(answer, fault);
		return Answer.json(200, StandInJson.write(answer));
	}

	private Answer sessionAnswer(int status, StandInSession session,
			UnaryOperator<Map<String, @Nullable Object>> reshape) {
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("success", true);
		answer.put("session", reshape.apply(SessionJson.full(session, verificationUrl(session.id()))));
		return Answer.json(status, StandInJson.write(answer));
	}

	String verificationUrl(UUID id) {
		return "http://127.0.0.1:" + this.standIn.port() + "/verify/" + id;
	}

	private static UnaryOperator<Map<String, @Nullable Object>> reshape(@Nullable Fault fault) {
		if (fault == null) {
			return UnaryOperator.identity();
		}
		if (fault.kind() == Fault.Kind.UNDOCUMENTED_STATUS) {
			return (session) -> {
				session.put("status", fault.name());
				return session;
			};
		}
		if (fault.kind() == Fault.Kind.EXTRA_FIELD) {
			return (session) -> {
				session.put(fault.name(), fault.value());
				return session;
			};
		}
		return UnaryOperator.identity();
	}

	private static void extraField(Map<String, @Nullable Object> answer, @Nullable Fault fault) {
		if (fault != null && fault.kind() == Fault.Kind.EXTRA_FIELD) {
			answer.put(fault.name(), fault.value());
		}
	}

	private Answer notFound() {
		return Answer.json(404, "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
	}

	private Answer validation(String message, String requestId) {
		return error(400, "VALIDATION_ERROR", message, requestId);
	}

	private Answer rateLimited(Duration retryAfter, String requestId) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		return error(429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded", requestId).header("Retry-After",
				Long.toString(seconds));
	}

	Answer error(int status, @Nullable String code, @Nullable String message, String requestId) {
		Map<String, @Nullable Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		error.put("requestId", requestId);
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("success", false);
		answer.put("error", error);
		return Answer.json(status, StandInJson.write(answer));
	}

	private Answer flatError(int status, @Nullable String code) {
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("error", code);
		answer.put("code", code);
		answer.put("message", "Scripted failure");
		answer.put("hint", "Scripted by the loveandpay stand-in");
		return Answer.json(status, StandInJson.write(answer));
	}

	private static String codeFor(int status) {
		return switch (status) {
			case 400 -> "VALIDATION_ERROR";
			case 401 -> "INVALID_SIGNATURE";
			case 403 -> "API_BLOCKED";
			case 404 -> "NOT_FOUND";
			case 429 -> "RATE_LIMIT_EXCEEDED";
			case 503 -> "SERVICE_UNAVAILABLE";
			default -> (status >= 500) ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}

	static Map<String, String> parameters(@Nullable String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static @Nullable Integer number(@Nullable String value, int otherwise) {
		if (value == null || value.isEmpty()) {
			return otherwise;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable UUID uuid(String value) {
		try {
			UUID uuid = UUID.fromString(value);
			return uuid.toString().equalsIgnoreCase(value) ? uuid : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable URI httpUri(String value) {
		try {
			URI uri = new URI(value);
			boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return (http && uri.getHost() != null) ? uri : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * A routed request: the answer and the signature verdict.
	 *
	 * @param answer the answer
	 * @param verdict the signature verdict
	 */
	record Routed(Answer answer, SignatureVerdict verdict) {

	}

}
