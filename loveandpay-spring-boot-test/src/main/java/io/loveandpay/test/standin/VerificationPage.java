package io.loveandpay.test.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosted verification page at a session's {@code verificationUrl}: opening it moves
 * the session to {@code IN_PROGRESS}; its Approve and Reject buttons complete the session
 * and send the browser to the session's {@code callbackUrl} (303), or show the outcome.
 */
final class VerificationPage {

	private static final Pattern PATH = Pattern.compile("/verify/([^/]+)(/approve|/reject)?");

	private final StandInSessions sessions;

	VerificationPage(StandInSessions sessions) {
		this.sessions = sessions;
	}

	Answer handle(String method, String path, byte[] body) {
		Matcher matcher = PATH.matcher(path);
		UUID id = matcher.matches() ? ApiRoutes.uuid(matcher.group(1)) : null;
		if (id == null || this.sessions.find(id).isEmpty()) {
			return Answer.html(404, page("Not found", "<p>There is no such verification session.</p>"));
		}
		String action = matcher.group(2);
		if (action == null && method.equals("GET")) {
			this.sessions.start(id);
			return show(this.sessions.find(id).orElseThrow());
		}
		if (action == null || !method.equals("POST")) {
			return Answer.html(405, page("Not allowed", "<p>Use the buttons on the page.</p>"));
		}
		StandInSession done;
		try {
			done = action.equals("/approve") ? this.sessions.approve(id) : this.sessions.reject(id, reason(body));
		}
		catch (IllegalStateException ex) {
			return Answer.html(409, page("Already done",
					"<p>This session is already " + escape(this.sessions.find(id).orElseThrow().status()) + ".</p>"));
		}
		if (done.callbackUrl() != null) {
			return Answer.redirect(done.callbackUrl().toString());
		}
		return show(done);
	}

	private Answer show(StandInSession session) {
		String status = escape(session.status());
		if (!session.status().equals(StandInSessions.NOT_STARTED)
				&& !session.status().equals(StandInSessions.IN_PROGRESS)) {
			return Answer.html(200, page("Verification " + status,
					"<p id=\"outcome\" data-status=\"" + status + "\">Verification " + status + ".</p>"));
		}
		String base = "/verify/" + session.id();
		return Answer.html(200,
				page("Verify your identity",
						"<p>loveandpay stand-in: no real verification happens here.</p>"
								+ "<p id=\"status\" data-status=\"" + status + "\">Session " + session.id() + " is "
								+ status + ".</p><form method=\"post\" action=\"" + base + "/approve\">"
								+ "<button id=\"approve\" type=\"submit\">Approve</button></form>"
								+ "<form method=\"post\" action=\"" + base
								+ "/reject\"><input type=\"hidden\" name=\"reason\" value=\"document_expired\">"
								+ "<button id=\"reject\" type=\"submit\">Reject</button></form>"));
	}

	private static String reason(byte[] body) {
		for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
			if (pair.startsWith("reason=") && pair.length() > 7) {
				return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
			}
		}
		return "document_expired";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String page(String title, String content) {
		return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
				+ "</title></head><body><h1>" + escape(title) + "</h1>" + content + "</body></html>";
	}

}
