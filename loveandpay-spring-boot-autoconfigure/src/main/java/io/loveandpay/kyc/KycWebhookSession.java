package io.loveandpay.kyc;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The session a KYC webhook is about, read from either of the provider's webhook
 * envelopes: its webhook model ({@code id} like {@code kyc_abc123}, {@code status}
 * {@code completed} or {@code failed}, {@code verifiedData}, {@code metadata}) or its
 * session model ({@code id} a UUID, {@code sessionId}, {@code status} such as
 * {@code APPROVED}, {@code verification}). What a delivery lacks is {@code null}.
 * {@link #toString()} shows the id and status only.
 *
 * @param id the session id as sent
 * @param sessionId the opaque {@code sessionId} of the session model
 * @param status the status as sent
 * @param level the verification level
 * @param customerId the merchant's customer id ({@code metadata.userId} or
 * {@code customerId})
 * @param customerEmail the customer's email ({@code metadata.email} or
 * {@code customerEmail})
 * @param verifiedData the verified identity data
 * @param completedAt when verification completed ({@code completedAt} or
 * {@code verifiedAt})
 * @param failedAt when verification failed
 * @param failureReason why it failed ({@code document_expired}, say)
 * @param failureDetails the {@code failureDetails} as raw JSON
 * @since 0.1.0
 */
public record KycWebhookSession(String id, @Nullable String sessionId, @Nullable String status, @Nullable String level,
		@Nullable String customerId, @Nullable String customerEmail, @Nullable KycWebhookVerifiedData verifiedData,
		@Nullable Instant completedAt, @Nullable Instant failedAt, @Nullable String failureReason,
		@Nullable String failureDetails) {

	@Override
	public String toString() {
		return "KycWebhookSession[id=" + this.id + ", status=" + this.status + "]";
	}

}
