package io.loveandpay.kyc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.loveandpay.client.internal.ProviderAnswer;

/**
 * The answer to reading or creating one session. A member the client does not know is
 * reported as {@code answer.<name>}.
 */
record SessionEnvelope(@Nullable Boolean success, @Nullable JsonNode error,
		@Nullable SessionItem session) implements ProviderAnswer {

}
