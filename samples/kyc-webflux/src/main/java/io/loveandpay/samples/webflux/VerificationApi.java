package io.loveandpay.samples.webflux;

import java.net.URI;

import io.loveandpay.client.LoveandpayException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same as the pages, as JSON: start a verification, and read the application's own
 * state of it.
 */
@RestController
@RequestMapping("/api/verifications")
class VerificationApi {

	private static final Log logger = LogFactory.getLog(VerificationApi.class);

	private final Onboarding onboarding;

	private final Verifications verifications;

	VerificationApi(Onboarding onboarding, Verifications verifications) {
		this.onboarding = onboarding;
		this.verifications = verifications;
	}

	@PostMapping
	Mono<ResponseEntity<Verification>> start(@RequestBody StartRequest body, ServerHttpRequest request) {
		return this.onboarding.start(body.customerId(), body.email(), Onboarding.statusPages(request))
			.map((verification) -> ResponseEntity.created(URI.create("/api/verifications/" + verification.id()))
				.body(verification));
	}

	@GetMapping("/{id}")
	ResponseEntity<Verification> verification(@PathVariable String id) {
		return ResponseEntity.of(this.verifications.find(id));
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(LoveandpayException ex) {
		logger.warn("Could not start a verification: " + ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "Identity verification is unavailable.");
	}

	/**
	 * A request to start a verification.
	 *
	 * @param customerId the customer's id
	 * @param email the customer's e-mail address, optional
	 */
	record StartRequest(@Nullable String customerId, @Nullable String email) {

	}

}
