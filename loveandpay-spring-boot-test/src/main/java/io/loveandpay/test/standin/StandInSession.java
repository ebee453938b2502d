package io.loveandpay.test.standin;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a session the stand-in holds. {@link #toString()} shows no personal data.
 *
 * @param id the session's UUID
 * @param sessionId the opaque {@code sessionId}
 * @param invoiceId the invoice id given at creation, or {@code null}
 * @param customerId the merchant's customer id, or {@code null}
 * @param customerEmail the customer's email, or {@code null}
 * @param customerPhone the customer's phone, or {@code null}
 * @param callbackUrl where the browser goes after verification, or {@code null}
 * @param language the page language, {@code ru}, {@code en} or {@code kk}
 * @param status the status, {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code APPROVED} or
 * {@code REJECTED}
 * @param rejectionReason why it was rejected, or {@code null}
 * @param createdAt when it was created
 * @param expiresAt when its verification link expires
 * @param completedAt when it was approved, rejected or expired, or {@code null}
 * @since 0.1.0
 */
public record StandInSession(UUID id, String sessionId, @Nullable UUID invoiceId, @Nullable String customerId,
		@Nullable String customerEmail, @Nullable String customerPhone, @Nullable URI callbackUrl, String language,
		String status, @Nullable String rejectionReason, Instant createdAt, Instant expiresAt,
		@Nullable Instant completedAt) {

	@Override
	public String toString() {
		return "StandInSession[id=" + this.id + ", status=" + this.status + "]";
	}

}
