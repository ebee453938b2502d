package io.loveandpay.smoke;

import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;
import io.loveandpay.test.testsupport.CanaryKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The newcomer's application on a random port against the stand-in that checks every
 * signature, which {@link AutoConfigureLoveandpayStandIn} makes a bean of the test
 * context and resets before each test. Test classes with this configuration share one
 * application, and so one stand-in, through Spring's test context cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@AutoConfigureLoveandpayStandIn
@Import(CanaryKeys.class)
abstract class StandInApplicationTests {

	@Autowired
	LoveandpayStandIn standIn;

}
