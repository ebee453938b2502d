package io.loveandpay.samples.webmvc;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.loveandpay.client.LoveandpayException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The customer's pages: the start page, whose form starts a verification and sends the
 * browser to the provider's page (303), and the status page the provider sends the
 * browser back to. When the provider fails, the start page says so (502): the exception's
 * message is for the logs, not for the customer.
 */
@Controller
class VerificationPages {

	private static final Log logger = LogFactory.getLog(VerificationPages.class);

	private final Onboarding onboarding;

	private final Verifications verifications;

	private final StandInNotice standInNotice;

	VerificationPages(Onboarding onboarding, Verifications verifications, StandInNotice standInNotice) {
		this.onboarding = onboarding;
		this.verifications = verifications;
		this.standInNotice = standInNotice;
	}

	@ModelAttribute("standIn")
	boolean standIn() {
		return this.standInNotice.isActive();
	}

	@GetMapping("/")
	String start() {
		return "start";
	}

	@PostMapping("/")
	ModelAndView startVerification(@RequestParam(defaultValue = "") String customerId,
			@RequestParam(defaultValue = "") String email) {
		if (!StringUtils.hasText(customerId)) {
			return invalid(customerId, email, "Enter your customer id.");
		}
		try {
			Verification verification = this.onboarding.start(customerId.strip(),
					StringUtils.hasText(email) ? email.strip() : null,
					ServletUriComponentsBuilder.fromCurrentContextPath());
			RedirectView redirect = new RedirectView(verification.verificationUrl().toString());
			redirect.setStatusCode(HttpStatus.SEE_OTHER);
			redirect.setExposeModelAttributes(false);
			return new ModelAndView(redirect);
		}
		catch (IllegalArgumentException ex) {
			return invalid(customerId, email, ex.getMessage());
		}
	}

	@GetMapping("/sessions/{id}")
	String status(@PathVariable UUID id, Model model) {
		Verification verification = this.verifications.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("verification", verification);
		return "status";
	}

	@ExceptionHandler
	ModelAndView unavailable(LoveandpayException ex) {
		logger.warn("Could not start a verification: " + ex);
		return new ModelAndView("start", Map.of("problem", "Identity verification is unavailable; try again later."),
				HttpStatus.BAD_GATEWAY);
	}

	private ModelAndView invalid(String customerId, String email, @Nullable String problem) {
		return new ModelAndView("start",
				Map.of("customerId", customerId, "email", email, "problem", Objects.toString(problem, "")),
				HttpStatus.BAD_REQUEST);
	}

}
