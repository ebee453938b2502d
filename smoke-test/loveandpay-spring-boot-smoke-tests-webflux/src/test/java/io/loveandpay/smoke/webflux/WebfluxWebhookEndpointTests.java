package io.loveandpay.smoke.webflux;

import io.loveandpay.testsupport.WebhookEndpointContract;
import io.loveandpay.testsupport.WebhookEventRecorder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The webhook endpoint of the newcomer's WebFlux application, running on a random port.
 */
@SpringBootTest(classes = { WebfluxNewcomerApplication.class, WebhookEventRecorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class WebfluxWebhookEndpointTests extends WebhookEndpointContract {

}
