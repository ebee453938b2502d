package io.loveandpay.autoconfigure.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import io.loveandpay.client.internal.LoveandpayClockSkew;

/**
 * Auto-configuration of the client's Micrometer meters: retries, undocumented values and
 * the clock offset. The timer {@code loveandpay.client.requests} comes from the client's
 * observations and needs only an {@code ObservationRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LoveandpayAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(LoveandpayClockSkew.class)
public final class LoveandpayMetricsAutoConfiguration {

	@Bean
	LoveandpayMetrics loveandpayMetrics(LoveandpayClockSkew clockSkew) {
		return new LoveandpayMetrics(clockSkew);
	}

}
