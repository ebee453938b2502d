package io.loveandpay.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the loveandpay client only, after the
 * application's {@code WebClientCustomizer}s and before the signing filter is added as
 * the innermost filter.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LoveandpayWebClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the loveandpay client
	 */
	void customize(WebClient.Builder builder);

}
