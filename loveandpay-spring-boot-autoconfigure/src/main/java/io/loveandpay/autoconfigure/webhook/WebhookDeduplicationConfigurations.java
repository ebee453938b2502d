package io.loveandpay.autoconfigure.webhook;

import java.time.Clock;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayConfigurationException;
import io.loveandpay.autoconfigure.LoveandpayProperties;
import io.loveandpay.webhook.InMemoryWebhookDeduplicationStore;
import io.loveandpay.webhook.WebhookDeduplicationStore;
import io.loveandpay.webhook.redis.RedisWebhookDeduplicationStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The de-duplication stores that {@code loveandpay.webhook.deduplication.store} chooses,
 * each backing off when the application defines its own {@link WebhookDeduplicationStore}
 * bean.
 */
final class WebhookDeduplicationConfigurations {

	static final String STORE = "loveandpay.webhook.deduplication.store";

	private static final String REDIS_TEMPLATE = "org.springframework.data.redis.core.StringRedisTemplate";

	private WebhookDeduplicationConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
	static class InMemory {

		@Bean
		@ConditionalOnMissingBean
		WebhookDeduplicationStore loveandpayWebhookDeduplicationStore(LoveandpayProperties properties,
				@Qualifier(LoveandpayAutoConfiguration.CLOCK_BEAN) ObjectProvider<Clock> clock) {
			return new InMemoryWebhookDeduplicationStore(WebhookSettings.maxEntries(properties.getWebhook()),
					clock.getIfAvailable(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	@ConditionalOnClass(name = REDIS_TEMPLATE)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean
		WebhookDeduplicationStore loveandpayWebhookDeduplicationStore(LoveandpayProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new LoveandpayConfigurationException(STORE,
						"is redis, but there is no single RedisConnectionFactory bean",
						"Add spring-boot-starter-data-redis, whose auto-configuration connects to the Redis that"
								+ " spring.data.redis.* names (or define one RedisConnectionFactory bean)," + " or set "
								+ STORE + " to memory for a single instance.",
						false);
			}
			return new RedisWebhookDeduplicationStore(new StringRedisTemplate(factory),
					WebhookSettings.keyPrefix(properties.getWebhook()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	@ConditionalOnMissingClass(REDIS_TEMPLATE)
	static class RedisMissing {

		@Bean
		@ConditionalOnMissingBean
		WebhookDeduplicationStore loveandpayWebhookDeduplicationStore() {
			throw new LoveandpayConfigurationException(STORE,
					"is redis, but Spring Data Redis is not on the class path",
					"Add spring-boot-starter-data-redis and set spring.data.redis.* to your Redis, or set " + STORE
							+ " to memory for a single instance.",
					false);
		}

	}

}
