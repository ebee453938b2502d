package io.loveandpay.smoke.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Spring Security's defaults and the starter: every path needs a
 * login, except the webhook endpoint, whose deliveries are signed. Runs on Spring MVC or
 * WebFlux ({@code spring.main.web-application-type}).
 */
@SpringBootApplication
@RestController
public class SecuredApplication {

	@GetMapping("/account")
	String account() {
		return "account";
	}

	@PostMapping("/account")
	String updateAccount() {
		return "updated";
	}

	public static void main(String[] args) {
		SpringApplication.run(SecuredApplication.class, args);
	}

}
