package io.loveandpay.kyc;

import org.jspecify.annotations.Nullable;

/**
 * The payload of the answer to reading or creating one session.
 */
record SessionEnvelope(@Nullable KycSession session) {

}
