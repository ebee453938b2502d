package io.loveandpay.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.quota.QuotaLimit;

/**
 * Checks the {@code loveandpay.quota.*} properties, failing with the name of the one out
 * of range. Free of Bucket4j types, so that it loads without Bucket4j.
 */
final class QuotaSettings {

	static final String LIMITS = "loveandpay.quota.limits";

	private QuotaSettings() {
	}

	/**
	 * Return the checked limits.
	 * @param properties the properties
	 * @return the limits, at least one
	 */
	static List<QuotaLimit> limits(LoveandpayProperties properties) {
		List<LoveandpayProperties.Limit> configured = properties.getQuota().getLimits();
		if (configured == null || configured.isEmpty()) {
			throw new LoveandpayConfigurationException(LIMITS, "is empty",
					"Set at least one limit, such as loveandpay.quota.limits[0].requests=100, "
							+ "loveandpay.quota.limits[0].period=1m and loveandpay.quota.limits[0].burst=10, "
							+ "or set loveandpay.quota.enabled to false.");
		}
		List<QuotaLimit> limits = new ArrayList<>();
		for (int i = 0; i < configured.size(); i++) {
			LoveandpayProperties.Limit limit = configured.get(i);
			String name = LIMITS + "[" + i + "]";
			Duration period = limit.getPeriod();
			if (period == null || period.isNegative() || period.isZero()) {
				throw new LoveandpayConfigurationException(name + ".period", "is not a positive duration",
						"Set " + name + ".period to a duration such as 1m or 1h.");
			}
			if (limit.getBurst() < 1 || limit.getBurst() >= limit.getRequests()) {
				throw new LoveandpayConfigurationException(name + ".burst",
						"is not at least 1 and less than " + name + ".requests",
						"Set " + name + ".burst to at least 1 and below " + name
								+ ".requests (such as 10 for 100 requests a minute): the burst plus what is "
								+ "refilled over the period must not exceed the limit.");
			}
			limits.add(new QuotaLimit(limit.getRequests(), period, limit.getBurst()));
		}
		return limits;
	}

	/**
	 * Return the checked number of instances expected to share the account.
	 * @param properties the properties
	 * @return the number, at least 1
	 */
	static int expectedInstances(LoveandpayProperties properties) {
		int instances = properties.getQuota().getExpectedInstances();
		if (instances < 1) {
			throw new LoveandpayConfigurationException("loveandpay.quota.expected-instances", "is less than 1",
					"Set loveandpay.quota.expected-instances to the number of instances that share the account.");
		}
		return instances;
	}

	/**
	 * Return a checked positive duration.
	 * @param property the property's name
	 * @param value its value
	 * @return the value
	 */
	static Duration positive(String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new LoveandpayConfigurationException(property, "is not a positive duration",
					"Set " + property + " to a duration such as 250ms or 5s.");
		}
		return value;
	}

	/**
	 * Return the checked hold after a {@code 429} without {@code Retry-After}.
	 * @param properties the properties
	 * @return the hold
	 */
	static Duration defaultRetryAfter(LoveandpayProperties properties) {
		Duration hold = properties.getQuota().getDefaultRetryAfter();
		if (hold == null || hold.isNegative() || hold.isZero()) {
			throw new LoveandpayConfigurationException("loveandpay.quota.default-retry-after",
					"is not a positive duration", "Set loveandpay.quota.default-retry-after to a duration such as 1s.");
		}
		return hold;
	}

}
