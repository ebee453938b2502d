package io.loveandpay.autoconfigure;

import reactor.core.scheduler.Schedulers;

import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.quota.LocalRequestQuota;
import io.loveandpay.client.quota.RedisRequestQuota;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The client's request quota, on unless {@code loveandpay.quota.enabled} is false, kept
 * where {@code loveandpay.quota.store} says, each configuration backing off when the
 * application defines its own {@link LoveandpayRequestQuota} bean.
 * <p>
 * Without Bucket4j on the class path there is no quota: the client logs a warning when it
 * is made, and start-up fails when {@code loveandpay.quota.enabled} is explicitly true.
 * <p>
 * The lazy quota beans are declared as the {@link LoveandpayRequestQuota} the client
 * injects: Spring reads the declared methods of every bean's declared type at start-up,
 * lazy beans included, and Bucket4j's types need not load before the client is made.
 */
final class QuotaConfigurations {

	static final String ENABLED = "loveandpay.quota.enabled";

	static final String STORE = "loveandpay.quota.store";

	static final String BUCKET = "io.github.bucket4j.Bucket";

	static final String LETTUCE_FACTORY = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";

	static final String BUCKET_LETTUCE = "io.github.bucket4j.redis.lettuce.Bucket4jLettuce";

	private static final String REDIS_DEPENDENCIES = "Add spring-boot-starter-data-redis (with its Lettuce client) and "
			+ "com.bucket4j:bucket4j_jdk17-lettuce, and set spring.data.redis.* to your Redis, or set " + STORE
			+ " to memory for a single instance.";

	private QuotaConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = BUCKET)
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	@ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
	static class InMemory {

		@Bean
		@Lazy
		@ConditionalOnMissingBean(LoveandpayRequestQuota.class)
		LoveandpayRequestQuota loveandpayRequestQuota(LoveandpayProperties properties) {
			// The client's scheduler, whose clock is the system's.
			return new LocalRequestQuota(QuotaSettings.limits(properties), Schedulers.parallel());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	@ConditionalOnClass(name = { BUCKET, BUCKET_LETTUCE, LETTUCE_FACTORY })
	static class Redis {

		@Bean
		@Lazy
		@ConditionalOnMissingBean(LoveandpayRequestQuota.class)
		LoveandpayRequestQuota loveandpayRequestQuota(LoveandpayProperties properties,
				LoveandpayConnectionDetails connectionDetails,
				ObjectProvider<LettuceConnectionFactory> connectionFactory) {
			LettuceConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new LoveandpayConfigurationException(STORE,
						"is redis, but there is no single LettuceConnectionFactory bean", REDIS_DEPENDENCIES, false);
			}
			LoveandpayProperties.QuotaRedis redis = properties.getQuota().getRedis();
			// The client's scheduler, whose clock is the system's.
			return RedisRequestQuota
				.builder(factory::getRequiredNativeClient, Keys.apiKey(connectionDetails),
						QuotaSettings.limits(properties))
				.keyPrefix(redis.getKeyPrefix())
				.expectedInstances(QuotaSettings.expectedInstances(properties))
				.timeout(QuotaSettings.positive("loveandpay.quota.redis.timeout", redis.getTimeout()))
				.retryInterval(
						QuotaSettings.positive("loveandpay.quota.redis.retry-interval", redis.getRetryInterval()))
				.clock(Schedulers.parallel())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	@Conditional(RedisMissing.AnyClassMissing.class)
	static class RedisMissing {

		static class AnyClassMissing extends AnyNestedCondition {

			AnyClassMissing() {
				super(ConfigurationPhase.REGISTER_BEAN);
			}

			@ConditionalOnMissingClass(BUCKET_LETTUCE)
			static class BucketLettuceMissing {

			}

			@ConditionalOnMissingClass(LETTUCE_FACTORY)
			static class LettuceFactoryMissing {

			}

		}

		@Bean
		@ConditionalOnMissingBean
		LoveandpayRequestQuota loveandpayRequestQuota() {
			throw new LoveandpayConfigurationException(STORE,
					"is redis, but Spring Data Redis with Lettuce or Bucket4j's Lettuce module is not on the class path",
					REDIS_DEPENDENCIES, false);
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
