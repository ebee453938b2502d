package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A signed webhook delivery, made by {@link WebhookSigner}: the body to send and the
 * headers to send with it.
 *
 * @param body the body bytes
 * @param headers the headers, by name
 * @since 0.1.0
 */
public record SignedWebhook(byte[] body, Map<String, String> headers) {

	/**
	 * Create a delivery.
	 * @param body the body bytes
	 * @param headers the headers, by name
	 */
	public SignedWebhook {
		body = body.clone();
		headers = Map.copyOf(headers);
	}

	@Override
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * Return the body as text.
	 * @return the body, decoded as UTF-8
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Return one header.
	 * @param name the header name
	 * @return its value
	 */
	public String header(String name) {
		String value = this.headers.get(name);
		if (value == null) {
			throw new IllegalArgumentException("No header '" + name + "'");
		}
		return value;
	}

	@Override
	public String toString() {
		return "SignedWebhook[" + this.body.length + " bytes, headers=" + this.headers.keySet() + "]";
	}

}
