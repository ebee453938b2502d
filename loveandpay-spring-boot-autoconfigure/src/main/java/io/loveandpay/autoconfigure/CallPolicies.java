package io.loveandpay.autoconfigure;

import java.time.Duration;

import io.loveandpay.client.internal.LoveandpayCallPolicy;

/**
 * Builds the {@link LoveandpayCallPolicy} and checks the pool settings from the
 * properties, failing with the name of a property that is out of range.
 */
final class CallPolicies {

	private CallPolicies() {
	}

	static LoveandpayCallPolicy from(LoveandpayProperties properties) {
		LoveandpayProperties.Retry retry = properties.getRetry();
		if (retry.getMaxAttempts() < 1) {
			throw new LoveandpayConfigurationException("loveandpay.retry.max-attempts", "is less than 1",
					"Set loveandpay.retry.max-attempts to 1 (no retries) or more.");
		}
		positive("loveandpay.connect-timeout", properties.getConnectTimeout());
		positive("loveandpay.response-timeout", properties.getResponseTimeout());
		positive("loveandpay.call-timeout", properties.getCallTimeout());
		positive("loveandpay.retry.initial-backoff", retry.getInitialBackoff());
		positive("loveandpay.retry.max-backoff", retry.getMaxBackoff());
		if (properties.getMaxResponseSize() == null || properties.getMaxResponseSize().toBytes() < 1024
				|| properties.getMaxResponseSize().toBytes() > Integer.MAX_VALUE) {
			throw new LoveandpayConfigurationException("loveandpay.max-response-size", "is below 1KB or above 2GB",
					"Set loveandpay.max-response-size to a size such as 1MB.");
		}
		return new LoveandpayCallPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				properties.getResponseTimeout(), properties.getCallTimeout());
	}

	static LoveandpayProperties.Pool checkedPool(LoveandpayProperties properties) {
		LoveandpayProperties.Pool pool = properties.getPool();
		positive("loveandpay.pool.acquire-timeout", pool.getAcquireTimeout());
		positive("loveandpay.pool.max-idle-time", pool.getMaxIdleTime());
		positive("loveandpay.pool.max-life-time", pool.getMaxLifeTime());
		positive("loveandpay.pool.eviction-interval", pool.getEvictionInterval());
		if (pool.getMaxConnections() < 1 || pool.getMaxPendingAcquires() < 1) {
			throw new LoveandpayConfigurationException("loveandpay.pool", "allows no connection or no waiting call",
					"Set loveandpay.pool.max-connections and loveandpay.pool.max-pending-acquires to 1 or more.");
		}
		return pool;
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new LoveandpayConfigurationException(property, "is not a positive duration",
					"Set " + property + " to a duration such as 500ms, 5s or 1m.");
		}
	}

}
