package io.loveandpay.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.client.LoveandpayRequestQuota;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import io.loveandpay.client.internal.LoveandpayClockSkew;

/**
 * Auto-configuration of the client's Micrometer meters: retries, undocumented values, the
 * clock offset and the request quota, when there is a {@link MeterRegistry}. The timer
 * {@code loveandpay.client.requests} comes from the client's observations and needs only
 * an {@code ObservationRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LoveandpayAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, LoveandpayClockSkew.class })
public final class LoveandpayMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LoveandpayMetrics loveandpayMetrics(LoveandpayClockSkew clockSkew, ObjectProvider<LoveandpayRequestQuota> quota) {
		return new LoveandpayMetrics(clockSkew, quota::getIfUnique);
	}

}
