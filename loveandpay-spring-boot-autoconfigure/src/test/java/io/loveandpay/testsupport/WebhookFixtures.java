package io.loveandpay.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries as the provider documents them, with the personal data of
 * {@link Fixtures#PERSONAL_DATA}, and the webhook signature recomputed independently of
 * the starter: {@code sha256=} and the lower-case hex HMAC-SHA256 of the raw body.
 */
public final class WebhookFixtures {

	/** The current webhook secret of the tests; it holds {@link Leaks#SECRET_MARKER}. */
	public static final String SECRET = "whsec_canary_7c1e2f9a0b3d4e5f";

	/** The previous webhook secret, during a rotation. */
	public static final String PREVIOUS_SECRET = "whsec_canary_previous_11aa22bb";

	/** The event time of the fixtures: 2025-11-24T16:00:00Z. */
	public static final Instant CREATED_AT = Instant.parse("2025-11-24T16:00:00Z");

	private WebhookFixtures() {
	}

	/**
	 * Return the signature header's value, computed with the bare JDK.
	 * @param secret the webhook secret
	 * @param body the raw body
	 * @return {@code sha256=} and the lower-case hex HMAC-SHA256
	 */
	public static String signature(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the old-model session of a completed verification, as JSON.
	 * @return the session
	 */
	public static String completedSession() {
		return """
				{"id":"kyc_abc123","status":"completed","level":"basic",
				 "verifiedData":{"firstName":"Иван","lastName":"Петров","dateOfBirth":"1990-05-14",
				  "nationality":"RU","documentType":"passport","documentNumber":"****8831"},
				 "metadata":{"userId":"user_42","email":"ivan.petrov@example.com"},
				 "completedAt":"2025-11-24T15:59:58Z"}""";
	}

	/**
	 * Return the old-model session of a failed verification, as JSON.
	 * @return the session
	 */
	public static String failedSession() {
		return """
				{"id":"kyc_abc123","status":"failed","level":"basic",
				 "metadata":{"userId":"user_42","email":"ivan.petrov@example.com"},
				 "failedAt":"2025-11-24T15:59:59Z","failureReason":"document_expired",
				 "failureDetails":{"expiredAt":"2024-01-01"}}""";
	}

	/**
	 * Return an event in the KYC envelope, {@code {id, type, createdAt, data:
	 * {session}}}.
	 * @param id the event id
	 * @param type the type
	 * @param createdAt the {@code createdAt} value as JSON (a quoted string, a number)
	 * @param session the session JSON
	 * @return the body
	 */
	public static String kycEnvelope(String id, String type, String createdAt, String session) {
		return """
				{"id":"%s","type":"%s","createdAt":%s,"data":{"session":%s}}""".formatted(id, type, createdAt, session);
	}

	/**
	 * Return a completed event in the KYC envelope at {@link #CREATED_AT}.
	 * @param id the event id
	 * @return the body
	 */
	public static String kycCompleted(String id) {
		return kycEnvelope(id, "kyc.completed", "\"" + CREATED_AT + "\"", completedSession());
	}

	/**
	 * Return a completed event in the KYC envelope at a given time.
	 * @param id the event id
	 * @param createdAt the event time
	 * @return the body
	 */
	public static String kycCompleted(String id, Instant createdAt) {
		return kycEnvelope(id, "kyc.completed", "\"" + createdAt + "\"", completedSession());
	}

	/**
	 * Return an event in the invoice-style envelope, {@code {id, event, timestamp, data,
	 * partnerId, retryCount}}.
	 * @param id the event id
	 * @param event the type
	 * @param timestamp the {@code timestamp} value as JSON
	 * @param data the data JSON
	 * @return the body
	 */
	public static String invoiceEnvelope(String id, String event, String timestamp, String data) {
		return """
				{"id":"%s","event":"%s","timestamp":%s,"data":%s,"partnerId":"partner_7","retryCount":1}"""
			.formatted(id, event, timestamp, data);
	}

}
