package io.loveandpay.smoke;

import io.loveandpay.testsupport.LoveandpayStandIn;
import io.loveandpay.testsupport.StandInProperties;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The newcomer's application on a random port, with the two keys and the base URL of a
 * stand-in that checks every signature. One stand-in serves every test class, so Spring's
 * test context cache can share one application among them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
abstract class StandInApplicationTests {

	static final LoveandpayStandIn standIn = LoveandpayStandIn.shared();

	@DynamicPropertySource
	static void loveandpay(DynamicPropertyRegistry registry) {
		StandInProperties.register(registry);
	}

}
