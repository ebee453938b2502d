package io.loveandpay.test.standin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stand-in does with one request: the answer to send, after a delay, or a reset
 * connection instead.
 *
 * @param status the status, or {@code 0} to reset the connection without answering
 * @param headers extra headers
 * @param body the body bytes
 * @param delay how long to wait before answering
 */
record Answer(int status, Map<String, String> headers, byte[] body, Duration delay) {

	static final String JSON = "application/json; charset=utf-8";

	static Answer json(int status, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", JSON);
		return new Answer(status, headers, body, Duration.ZERO);
	}

	static Answer html(int status, String html) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "text/html; charset=utf-8");
		return new Answer(status, headers, html.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
	}

	static Answer redirect(String location) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Location", location);
		return new Answer(303, headers, new byte[0], Duration.ZERO);
	}

	static Answer reset() {
		return new Answer(0, Map.of(), new byte[0], Duration.ZERO);
	}

	Answer header(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new Answer(this.status, copy, this.body, this.delay);
	}

	Answer delayed(Duration by) {
		return new Answer(this.status, this.headers, this.body, by);
	}

	boolean lost() {
		return this.status == 0;
	}

}
