package io.loveandpay.autoconfigure;

import reactor.core.scheduler.Schedulers;

import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.quota.LocalRequestQuota;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client's request quota, on unless {@code loveandpay.quota.enabled} is false, each
 * configuration backing off when the application defines its own
 * {@link LoveandpayRequestQuota} bean.
 * <p>
 * Without Bucket4j on the class path there is no quota: the client logs a warning when it
 * is made, and start-up fails when {@code loveandpay.quota.enabled} is explicitly true.
 */
final class QuotaConfigurations {

	static final String ENABLED = "loveandpay.quota.enabled";

	static final String BUCKET = "io.github.bucket4j.Bucket";

	private QuotaConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = BUCKET)
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	static class InMemory {

		@Bean
		@ConditionalOnMissingBean
		LoveandpayRequestQuota loveandpayRequestQuota(LoveandpayProperties properties) {
			// The client's scheduler, whose clock is the system's.
			return new LocalRequestQuota(QuotaSettings.limits(properties), Schedulers.parallel());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(BUCKET)
	@ConditionalOnProperty(name = ENABLED, havingValue = "true")
	static class BucketMissing {

		@Bean
		@ConditionalOnMissingBean
		LoveandpayRequestQuota loveandpayRequestQuota() {
			throw new LoveandpayConfigurationException(ENABLED, "is true, but Bucket4j is not on the class path",
					"Add com.bucket4j:bucket4j_jdk17-core (the loveandpay starter brings it), or remove " + ENABLED
							+ ".",
					false);
		}

	}

}
