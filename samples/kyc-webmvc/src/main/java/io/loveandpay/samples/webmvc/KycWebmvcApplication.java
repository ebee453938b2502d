package io.loveandpay.samples.webmvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A merchant's Spring MVC application: a customer starts an identity verification, is
 * sent to the provider's verification page, and comes back to a page that shows the
 * outcome as the provider's webhook reports it. Without keys and with
 * {@code loveandpay.stand-in.enabled=true}, it runs on the in-app stand-in.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class KycWebmvcApplication {

	/**
	 * Run the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(KycWebmvcApplication.class, args);
	}

}
