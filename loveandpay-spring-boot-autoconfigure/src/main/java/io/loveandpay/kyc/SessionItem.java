package io.loveandpay.kyc;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.internal.ReportedAs;

/**
 * A session as the provider sends it, every field optional, so that
 * {@link SessionAnswers} can name what is missing before it makes a {@link KycSession}. A
 * field the client does not know is reported as one of {@link KycSession}'s.
 */
@ReportedAs(KycSession.class)
record SessionItem(@Nullable UUID id, @Nullable String sessionId, @Nullable UUID invoiceId, @Nullable String customerId,
		@Nullable String customerEmail, @Nullable String customerPhone, @Nullable KycStatus status,
		@Nullable URI verificationUrl, @Nullable KycVerification verification, @Nullable Instant expiresAt,
		@Nullable Instant createdAt) {

	@Override
	public String toString() {
		return "SessionItem[id=" + this.id + "]";
	}

}
