package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.kyc.KycWebhookSession;
import io.loveandpay.kyc.KycWebhookVerifiedData;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified body into an event. Never fails: a body that is not JSON, or JSON of
 * an unknown shape, becomes a {@link LoveandpayWebhookEvent} with what could be read, and
 * a value that cannot be read is left out ({@code null}) rather than failing the rest.
 * Reads both of the provider's envelopes: {@code {id, type, createdAt, data: {session}}}
 * and {@code {id, event, timestamp, data, partnerId, retryCount}}.
 */
final class WebhookEvents {

	private static final int MAX_ID_LENGTH = 256;

	/**
	 * Unix times below this are taken as seconds, above it as milliseconds.
	 */
	private static final long SECONDS_BELOW = 100_000_000_000L;

	private final JsonMapper json;

	WebhookEvents(JsonMapper json) {
		this.json = json;
	}

	LoveandpayWebhookEvent read(byte[] body, @Nullable String deliveryId) {
		String raw = new String(body, StandardCharsets.UTF_8);
		JsonNode root = tree(body);
		if (root == null || !root.isObject()) {
			return new LoveandpayWebhookEvent(bodyHash(body), null, null, raw, deliveryId);
		}
		String id = text(root, "id");
		String eventId = (id != null && id.length() <= MAX_ID_LENGTH) ? id : bodyHash(body);
		String type = text(root, "type");
		if (type == null) {
			type = text(root, "event");
		}
		Instant occurredAt = instant(root.get("createdAt"));
		if (occurredAt == null) {
			occurredAt = instant(root.get("timestamp"));
		}
		if (type != null && LoveandpayWebhookEvent.normalizedType(type).startsWith("kyc.")) {
			KycWebhookSession session = session(root.get("data"));
			if (session != null) {
				return new KycWebhookEvent(eventId, type, occurredAt, raw, deliveryId, session);
			}
		}
		return new LoveandpayWebhookEvent(eventId, type, occurredAt, raw, deliveryId);
	}

	private @Nullable JsonNode tree(byte[] body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable KycWebhookSession session(@Nullable JsonNode data) {
		if (data == null || !data.isObject()) {
			return null;
		}
		JsonNode session = data.get("session");
		if (session == null || !session.isObject()) {
			session = data;
		}
		String id = text(session, "id");
		if (id == null) {
			return null;
		}
		JsonNode metadata = session.get("metadata");
		String customerId = (metadata != null) ? text(metadata, "userId") : null;
		String customerEmail = (metadata != null) ? text(metadata, "email") : null;
		Instant completedAt = instant(session.get("completedAt"));
		JsonNode verified = session.get("verifiedData");
		if (verified == null || !verified.isObject()) {
			verified = session.get("verification");
		}
		JsonNode failureDetails = session.get("failureDetails");
		return new KycWebhookSession(id, text(session, "sessionId"), text(session, "status"), text(session, "level"),
				(customerId != null) ? customerId : text(session, "customerId"),
				(customerEmail != null) ? customerEmail : text(session, "customerEmail"), verifiedData(verified),
				(completedAt != null) ? completedAt : instant(session.get("verifiedAt")),
				instant(session.get("failedAt")), text(session, "failureReason"),
				(failureDetails != null && !failureDetails.isNull()) ? failureDetails.toString() : null);
	}

	private static @Nullable KycWebhookVerifiedData verifiedData(@Nullable JsonNode data) {
		if (data == null || !data.isObject()) {
			return null;
		}
		return new KycWebhookVerifiedData(text(data, "firstName"), text(data, "lastName"), text(data, "middleName"),
				text(data, "fullName"), date(text(data, "dateOfBirth")), text(data, "nationality"),
				text(data, "documentType"), text(data, "documentNumber"), text(data, "documentCountry"));
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isBlank() ? null : text;
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static @Nullable Instant instant(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber()) {
			// beyond a long, asLong() throws: such a time is left out, as any unreadable
			// one
			return value.canConvertToLong() ? unixTime(value.asLong()) : null;
		}
		if (!value.isString()) {
			return null;
		}
		String text = value.stringValue().strip();
		try {
			return unixTime(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			// not a number: an ISO-8601 time
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Instant unixTime(long value) {
		if (value <= 0) {
			return null;
		}
		return (value < SECONDS_BELOW) ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
	}

	static String bodyHash(byte[] body) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
