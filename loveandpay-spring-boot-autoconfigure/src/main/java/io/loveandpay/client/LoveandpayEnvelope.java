package io.loveandpay.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The provider's answer envelope: {@code {"success": ..., "error": ..., <payload>}}.
 * Implemented by the response types of each API area.
 *
 * @since 0.1.0
 */
public interface LoveandpayEnvelope {

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
