package io.loveandpay.kyc;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A KYC session: one attempt of one customer to verify their identity.
 * <p>
 * {@link #toString()} shows no customer contact data and no verified personal data, and
 * escapes control characters in the provider's text.
 *
 * @param id the session's id, used to read it
 * @param sessionId the provider's opaque session reference, such as
 * {@code verification-550e8400}
 * @param invoiceId the invoice the session belongs to
 * @param customerId the merchant's own customer id, as given at creation
 * @param customerEmail the customer's e-mail, as given at creation
 * @param customerPhone the customer's phone, as given at creation
 * @param status the status
 * @param verificationUrl the page where the customer verifies, checked to be an absolute
 * {@code https} URL of at most 2,048 characters; absent in list items
 * @param verification what was verified, once the session is verified
 * @param expiresAt when the verification page expires; absent in list items
 * @param createdAt when the session was created
 * @since 0.1.0
 */
public record KycSession(UUID id, @Nullable String sessionId, @Nullable UUID invoiceId, @Nullable String customerId,
		@Nullable String customerEmail, @Nullable String customerPhone, KycStatus status, @Nullable URI verificationUrl,
		@Nullable KycVerification verification, @Nullable Instant expiresAt, Instant createdAt) {

	/**
	 * Create a session, checking that what every session has is there.
	 */
	public KycSession {
		Objects.requireNonNull(id, "id is required");
		Objects.requireNonNull(status, "status is required");
		Objects.requireNonNull(createdAt, "createdAt is required");
	}

	@Override
	public String toString() {
		return "KycSession[id=" + this.id + ", sessionId=" + Printable.escape(this.sessionId) + ", invoiceId="
				+ this.invoiceId + ", status=" + this.status + ", verified=" + (this.verification != null)
				+ ", expiresAt=" + this.expiresAt + ", createdAt=" + this.createdAt + "]";
	}

}
