package io.loveandpay.test.testsupport;

import io.loveandpay.test.autoconfigure.LoveandpayStandInCustomizer;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the stand-in a secret key with the word that the leak scan looks for, so that a
 * secret printed anywhere in a suite's output fails the build. Shared by the smoke tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CanaryKeys {

	/** The stand-in's secret key, and the application's. */
	public static final String SECRET_KEY = "sk_test_standin_canary_e5f4";

	@Bean
	LoveandpayStandInCustomizer canarySecretKey() {
		return (builder) -> builder.secretKey(SECRET_KEY);
	}

	/**
	 * Give a stand-in that a test builds itself the canary secret key.
	 * @param builder the stand-in's builder
	 * @return the builder
	 */
	public static LoveandpayStandIn.Builder apply(LoveandpayStandIn.Builder builder) {
		return builder.secretKey(SECRET_KEY);
	}

}
