package io.loveandpay.samples.webflux;

import java.time.Duration;
import java.util.Objects;

import io.loveandpay.client.LoveandpayException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer's pages: the start page, which sends the browser to the verification page,
 * and the status page, which shows the outcome as the webhook brings it, through
 * server-sent events of the application's own state.
 */
@Controller
class VerificationPages {

	private static final Log logger = LogFactory.getLog(VerificationPages.class);

	private static final String UNAVAILABLE = "Identity verification is unavailable right now. Please try again later.";

	private final Onboarding onboarding;

	private final Verifications verifications;

	private final StandInMode standInMode;

	VerificationPages(Onboarding onboarding, Verifications verifications, StandInMode standInMode) {
		this.onboarding = onboarding;
		this.verifications = verifications;
		this.standInMode = standInMode;
	}

	@ModelAttribute("standIn")
	boolean standIn() {
		return this.standInMode.isActive();
	}

	@GetMapping("/")
	Rendering start() {
		return startPage(new StartForm(null, null), null, HttpStatus.OK);
	}

	@PostMapping(path = "/verifications", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<Rendering> startVerification(@ModelAttribute("form") StartForm form, ServerHttpRequest request) {
		return this.onboarding.start(form.customerId(), form.email(), Onboarding.statusPages(request))
			.map((verification) -> Rendering
				.redirectTo(Objects.requireNonNull(verification.verificationUrl()).toString())
				.status(HttpStatus.SEE_OTHER)
				.build())
			.onErrorResume(IllegalArgumentException.class,
					(ex) -> Mono.just(startPage(form, ex.getMessage(), HttpStatus.BAD_REQUEST)))
			.onErrorResume(LoveandpayException.class, (ex) -> {
				logger.warn("Could not start a verification: " + ex);
				return Mono.just(startPage(form, UNAVAILABLE, HttpStatus.BAD_GATEWAY));
			});
	}

	@GetMapping("/sessions/{id}")
	Rendering status(@PathVariable String id) {
		Verification verification = this.verifications.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return Rendering.view("status").modelAttribute("verification", verification).build();
	}

	@GetMapping(path = "/sessions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	Flux<ServerSentEvent<Verification>> events(@PathVariable String id) {
		if (this.verifications.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.verifications.updates(id)
			.map((verification) -> ServerSentEvent.builder(verification)
				.event("verification")
				.retry(Duration.ofSeconds(2))
				.build());
	}

	private static Rendering startPage(StartForm form, @Nullable String error, HttpStatus status) {
		return Rendering.view("start")
			.modelAttribute("form", form)
			.modelAttribute("error", error)
			.status(status)
			.build();
	}

	/**
	 * What the customer entered on the start page.
	 *
	 * @param customerId the customer's id
	 * @param email the customer's e-mail address, optional
	 */
	record StartForm(@Nullable String customerId, @Nullable String email) {

	}

}
