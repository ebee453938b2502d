package io.loveandpay.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A merchant's WebFlux application: a customer starts an identity verification, is sent
 * to loveandpay's page (or the in-app stand-in's), and watches the outcome arrive on the
 * application's own status page.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class KycWebfluxApplication {

	public static void main(String[] args) {
		SpringApplication.run(KycWebfluxApplication.class, args);
	}

}
