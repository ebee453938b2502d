package io.loveandpay.kyc;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.loveandpay.client.internal.ProviderAnswer;
import io.loveandpay.client.internal.ReportedAs;

/**
 * The answer to listing sessions. A member the client does not know is reported as
 * {@code answer.<name>}.
 */
record SessionListEnvelope(@Nullable Boolean success, @Nullable JsonNode error, @Nullable List<SessionItem> data,
		@Nullable Pagination pagination) implements ProviderAnswer {

	/**
	 * The list's paging figures; a field the client does not know is reported as one of
	 * {@link KycSessionPage}'s.
	 */
	@ReportedAs(KycSessionPage.class)
	record Pagination(@Nullable Integer total, @Nullable Integer limit, @Nullable Integer offset,
			@Nullable Integer pages) {

	}

}
