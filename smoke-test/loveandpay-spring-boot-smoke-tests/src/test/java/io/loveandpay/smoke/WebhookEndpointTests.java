package io.loveandpay.smoke;

import io.loveandpay.testsupport.WebhookEndpointContract;
import io.loveandpay.testsupport.WebhookEventRecorder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The webhook endpoint of the newcomer's Spring MVC application, running on a random
 * port.
 */
@SpringBootTest(classes = { NewcomerApplication.class, WebhookEventRecorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class WebhookEndpointTests extends WebhookEndpointContract {

}
