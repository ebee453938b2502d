package io.loveandpay.samples.webmvc;

import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A verification as this application shows it: its own id, where the customer verifies,
 * and the outcome so far. It holds no personal data.
 *
 * @param id the application's id of the verification
 * @param verificationUrl the provider's page where the customer verifies
 * @param status the outcome so far
 * @param failureReason the provider's reason code when rejected, such as
 * {@code document_expired}
 */
record Verification(UUID id, URI verificationUrl, VerificationStatus status, @Nullable String failureReason) {

}
