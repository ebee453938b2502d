package io.loveandpay.samples.webflux;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * What the application knows of one verification it started: its own id (not the
 * provider's), the status the last webhook said, and the reason code of a failure. It
 * holds no personal data.
 *
 * @param id the application's id of the verification
 * @param status {@code NOT_STARTED}, {@code APPROVED}, {@code REJECTED}, or another
 * status the provider reported when it was created
 * @param reason the reason code of a rejection, such as {@code document_expired}
 * @param verificationUrl where the customer verifies
 * @since 0.1.0
 */
public record Verification(String id, String status, @Nullable String reason, @Nullable URI verificationUrl) {

	/**
	 * Status of a verification that passed.
	 */
	public static final String APPROVED = "APPROVED";

	/**
	 * Status of a verification that failed.
	 */
	public static final String REJECTED = "REJECTED";

	/**
	 * Return whether the verification has its outcome, which never changes afterwards.
	 * @return whether it was approved or rejected
	 */
	public boolean finished() {
		return APPROVED.equals(this.status) || REJECTED.equals(this.status);
	}

	Verification finish(String status, @Nullable String reason) {
		return new Verification(this.id, status, reason, this.verificationUrl);
	}

}
