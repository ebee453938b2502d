package io.loveandpay.smoke.security;

import io.loveandpay.testsupport.WebhookEventRecorder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The webhook endpoint of an application with Spring Security, on Spring MVC.
 */
@SpringBootTest(classes = { SecuredApplication.class, WebhookEventRecorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class SecuredMvcWebhookEndpointTests extends SecuredWebhookEndpointContract {

}
