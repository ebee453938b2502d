package io.loveandpay.smoke.security;

import io.loveandpay.test.autoconfigure.LoveandpayStandInCustomizer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the stand-in a secret key with the word that the leak scan looks for, so that a
 * secret printed anywhere in the suite's output fails the build.
 */
@TestConfiguration(proxyBeanMethods = false)
class CanaryKeys {

	static final String SECRET_KEY = "sk_test_standin_canary_e5f4";

	@Bean
	LoveandpayStandInCustomizer canarySecretKey() {
		return (builder) -> builder.secretKey(SECRET_KEY);
	}

}
