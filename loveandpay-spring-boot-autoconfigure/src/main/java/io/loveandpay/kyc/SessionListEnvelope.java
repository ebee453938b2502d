package io.loveandpay.kyc;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The payload of the answer to listing sessions.
 */
record SessionListEnvelope(@Nullable List<KycSession> data, @Nullable Pagination pagination) {

	/**
	 * The list's paging figures.
	 */
	record Pagination(@Nullable Integer total, @Nullable Integer limit, @Nullable Integer offset,
			@Nullable Integer pages) {

	}

}
