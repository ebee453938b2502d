package io.loveandpay.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code loveandpay.*} properties that point an application under test at the
 * {@linkplain LoveandpayStandIn#shared() shared stand-in}: its base URL and the two keys
 * it accepts.
 */
public final class StandInProperties {

	private StandInProperties() {
	}

	/**
	 * Register the base URL and keys of the shared stand-in, starting it if needed.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void register(DynamicPropertyRegistry registry) {
		LoveandpayStandIn standIn = LoveandpayStandIn.shared();
		registry.add("loveandpay.api-key", () -> LoveandpayStandIn.API_KEY);
		registry.add("loveandpay.secret-key", () -> LoveandpayStandIn.SECRET_KEY);
		registry.add("loveandpay.base-url", standIn::baseUrl);
	}

}
