package io.loveandpay.kyc;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.loveandpay.client.internal.ProviderAnswer;

/**
 * The answer to listing sessions.
 */
record SessionListEnvelope(@Nullable Boolean success, @Nullable JsonNode error, @Nullable List<KycSession> data,
		@Nullable Pagination pagination) implements ProviderAnswer {

	/**
	 * The list's paging figures.
	 */
	record Pagination(@Nullable Integer total, @Nullable Integer limit, @Nullable Integer offset,
			@Nullable Integer pages) {

	}

}
