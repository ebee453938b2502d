package io.loveandpay.test.standin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Sessions in the provider's JSON: the full form of create and get, the shorter form of
 * list items, and the older model inside webhooks. The verified person is made up.
 */
final class SessionJson {

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private SessionJson() {
	}

	static String instant(Instant instant) {
		return INSTANT.format(instant);
	}

	static Map<String, @Nullable Object> full(StandInSession session, String verificationUrl) {
		Map<String, @Nullable Object> json = common(session);
		json.put("verificationUrl", verificationUrl);
		json.put("verification", verification(session, true));
		json.put("expiresAt", instant(session.expiresAt()));
		json.put("createdAt", instant(session.createdAt()));
		return json;
	}

	static Map<String, @Nullable Object> item(StandInSession session) {
		Map<String, @Nullable Object> json = common(session);
		json.put("verification", verification(session, false));
		json.put("createdAt", instant(session.createdAt()));
		return json;
	}

	static Map<String, @Nullable Object> webhookSession(StandInSession session) {
		boolean approved = session.status().equals(StandInSessions.APPROVED);
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("id", session.id().toString());
		json.put("sessionId", session.sessionId());
		json.put("status", approved ? "completed" : "failed");
		json.put("level", "basic");
		if (approved) {
			Map<String, @Nullable Object> verified = new LinkedHashMap<>();
			verified.put("firstName", "Иван");
			verified.put("lastName", "Петров");
			verified.put("dateOfBirth", dateOfBirth(session).toString());
			verified.put("nationality", "RUS");
			verified.put("documentType", "passport");
			verified.put("documentNumber", documentNumber(session));
			json.put("verifiedData", verified);
		}
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
		metadata.put("userId", session.customerId());
		metadata.put("email", session.customerEmail());
		json.put("metadata", metadata);
		String completedAt = (session.completedAt() != null) ? instant(session.completedAt()) : null;
		if (approved) {
			json.put("completedAt", completedAt);
		}
		else {
			json.put("failedAt", completedAt);
			json.put("failureReason", session.rejectionReason());
			json.put("failureDetails", Map.of("source", "stand-in"));
		}
		return json;
	}

	private static Map<String, @Nullable Object> common(StandInSession session) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("id", session.id().toString());
		json.put("sessionId", session.sessionId());
		json.put("invoiceId", (session.invoiceId() != null) ? session.invoiceId().toString() : null);
		json.put("customerId", session.customerId());
		json.put("customerEmail", session.customerEmail());
		json.put("customerPhone", session.customerPhone());
		json.put("status", session.status());
		return json;
	}

	private static @Nullable Map<String, @Nullable Object> verification(StandInSession session, boolean full) {
		if (!session.status().equals(StandInSessions.APPROVED)) {
			return null;
		}
		Instant verifiedAt = (session.completedAt() != null) ? session.completedAt() : session.createdAt();
		LocalDate issued = LocalDate.ofInstant(session.createdAt(), ZoneOffset.UTC).minusYears(3);
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("firstName", "Иван");
		json.put("lastName", "Петров");
		if (full) {
			json.put("middleName", "Сергеевич");
		}
		json.put("fullName", "Петров Иван Сергеевич");
		json.put("dateOfBirth", dateOfBirth(session).toString());
		json.put("documentType", "passport");
		if (full) {
			json.put("documentNumber", documentNumber(session));
		}
		json.put("documentCountry", "RUS");
		if (full) {
			json.put("documentIssuedAt", issued.toString());
			json.put("documentExpiresAt", issued.plusYears(10).toString());
		}
		json.put("faceMatchScore", 0.97);
		json.put("livenessScore", 0.99);
		json.put("verifiedAt", instant(verifiedAt));
		return json;
	}

	private static LocalDate dateOfBirth(StandInSession session) {
		return LocalDate.of(1970, 1, 1).plusDays(Math.floorMod(session.id().getLeastSignificantBits(), 12_000));
	}

	private static String documentNumber(StandInSession session) {
		return "****" + String.format("%04d", Math.floorMod(session.id().getMostSignificantBits(), 10_000));
	}

}
