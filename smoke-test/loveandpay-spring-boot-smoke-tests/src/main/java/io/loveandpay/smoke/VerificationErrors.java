package io.loveandpay.smoke;

import io.loveandpay.client.LoveandpayApiException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayTimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the provider's failures into this application's answers, as the README's
 * "Handling errors" shows: the provider's trouble is this application's 502, 503 or 504,
 * never the customer's fault and never a 401.
 */
@RestControllerAdvice
class VerificationErrors {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(LoveandpayRateLimitException ex) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
		if (ex.retryAfter() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
		}
		return answer
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Identity verification is busy; try again later.", ex));
	}

	@ExceptionHandler
	ProblemDetail outcomeUnknown(LoveandpayOutcomeUnknownException ex) {
		return problem(HttpStatus.BAD_GATEWAY,
				"Identity verification may have started; check its status before starting it again.", ex);
	}

	@ExceptionHandler
	ProblemDetail timedOut(LoveandpayTimeoutException ex) {
		return problem(HttpStatus.GATEWAY_TIMEOUT, "Identity verification did not answer in time.", ex);
	}

	@ExceptionHandler
	ProblemDetail unavailable(LoveandpayException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "Identity verification is unavailable.", ex);
	}

	private static ProblemDetail problem(HttpStatus status, String detail, LoveandpayException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (ex instanceof LoveandpayApiException api && api.requestId() != null) {
			problem.setProperty("providerRequestId", api.requestId());
		}
		return problem;
	}

}
