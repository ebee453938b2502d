package io.loveandpay.smoke;

import io.loveandpay.testsupport.LoveandpayStandIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The newcomer's application with the two keys and the base URL of a stand-in that checks
 * every signature. One stand-in serves every test class, so Spring's test context cache
 * can share one application among them.
 */
@SpringBootTest
abstract class StandInApplicationTests {

	static final LoveandpayStandIn standIn = LoveandpayStandIn.shared();

	@DynamicPropertySource
	static void loveandpay(DynamicPropertyRegistry registry) {
		registry.add("loveandpay.api-key", () -> LoveandpayStandIn.API_KEY);
		registry.add("loveandpay.secret-key", () -> LoveandpayStandIn.SECRET_KEY);
		registry.add("loveandpay.base-url", standIn::baseUrl);
	}

}
