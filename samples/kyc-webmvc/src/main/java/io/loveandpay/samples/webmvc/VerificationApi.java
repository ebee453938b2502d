package io.loveandpay.samples.webmvc;

import java.net.URI;
import java.util.UUID;

import io.loveandpay.client.LoveandpayApiException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The JSON API: {@code POST /api/verifications} starts a verification (201, with its id
 * and the provider's {@code verificationUrl}), {@code GET /api/verifications/{id}} reads
 * it from the application's own record, which the status page polls.
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
	ResponseEntity<Verification> start(@RequestBody StartRequest request) {
		if (request.customerId() == null) {
			throw new IllegalArgumentException("customerId is required");
		}
		Verification verification = this.onboarding.start(request.customerId(), request.email(),
				ServletUriComponentsBuilder.fromCurrentContextPath());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(verification.id())
			.toUri();
		return ResponseEntity.created(location).body(verification);
	}

	@GetMapping("/{id}")
	ResponseEntity<Verification> verification(@PathVariable UUID id) {
		return ResponseEntity.of(this.verifications.find(id));
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail outcomeUnknown(LoveandpayOutcomeUnknownException ex) {
		return problem("Identity verification may have started; check before starting it again.", ex);
	}

	@ExceptionHandler
	ProblemDetail unavailable(LoveandpayException ex) {
		return problem("Identity verification is unavailable.", ex);
	}

	private static ProblemDetail problem(String detail, LoveandpayException ex) {
		logger.warn("Could not start a verification: " + ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail);
		if (ex instanceof LoveandpayApiException api && api.requestId() != null) {
			problem.setProperty("providerRequestId", api.requestId());
		}
		return problem;
	}

	/**
	 * The body of {@code POST /api/verifications}.
	 *
	 * @param customerId the customer's id in this application
	 * @param email the customer's e-mail address, or {@code null}
	 */
	record StartRequest(@Nullable String customerId, @Nullable String email) {

	}

}
