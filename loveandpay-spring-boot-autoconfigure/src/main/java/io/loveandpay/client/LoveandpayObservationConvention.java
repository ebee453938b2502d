package io.loveandpay.client;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of each API call. Define a bean of this type to replace
 * {@link DefaultLoveandpayObservationConvention}.
 *
 * @since 0.1.0
 */
public interface LoveandpayObservationConvention extends ObservationConvention<LoveandpayObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LoveandpayObservationContext;
	}

}
