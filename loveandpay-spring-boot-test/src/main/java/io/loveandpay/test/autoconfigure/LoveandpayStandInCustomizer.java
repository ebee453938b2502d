package io.loveandpay.test.autoconfigure;

import io.loveandpay.test.standin.LoveandpayStandIn;

/**
 * Callback that adjusts the {@link LoveandpayStandIn.Builder} of the stand-in bean before
 * it starts: rate limits, clock, webhook envelope. Define one as a bean of the test (or
 * demo) application; several apply in their order.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LoveandpayStandInCustomizer {

	/**
	 * Adjust the builder of the stand-in.
	 * @param builder the builder, its keys and webhook secret already set
	 */
	void customize(LoveandpayStandIn.Builder builder);

}
