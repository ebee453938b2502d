package io.loveandpay.client.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The provider's answer: {@code {"success": ..., "error": ..., <payload>}}. Implemented
 * by the answer types of each API area, which the client reads straight from the answer's
 * bytes.
 */
public interface ProviderAnswer {

	/**
	 * Return whether the provider reports success.
	 * @return the {@code success} flag, or {@code null} when absent
	 */
	@Nullable Boolean success();

	/**
	 * Return the error the provider describes, in either of its shapes.
	 * @return the {@code error} member, or {@code null} when absent
	 */
	@Nullable JsonNode error();

}
