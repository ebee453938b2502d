package io.loveandpay.smoke;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A newcomer's Spring MVC application: the starter, two keys and a base URL, and the
 * README's controller.
 */
@SpringBootApplication
public class NewcomerApplication {

	public static void main(String[] args) {
		SpringApplication.run(NewcomerApplication.class, args);
	}

}
