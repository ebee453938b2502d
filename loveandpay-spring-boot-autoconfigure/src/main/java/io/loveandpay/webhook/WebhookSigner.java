package io.loveandpay.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries as the provider does, for tests of an application's listeners:
 * {@code sha256=} and the hex HMAC-SHA256 of the body with the webhook secret, plus the
 * provider's unsigned id and timestamp headers and its {@code User-Agent}.
 * <pre class="code">
 * SignedWebhook webhook = new WebhookSigner("whsec_test").sign(json);
 * mockMvc.perform(post("/loveandpay/webhooks").content(webhook.body())
 *     .headers((headers) -&gt; webhook.headers().forEach(headers::add)));
 * </pre>
 *
 * @since 0.1.0
 */
public final class WebhookSigner {

	/**
	 * Name of the provider's delivery id header (not signed).
	 */
	public static final String ID_HEADER = "x-webhook-id";

	/**
	 * Name of the provider's delivery timestamp header, Unix milliseconds (not signed).
	 */
	public static final String TIMESTAMP_HEADER = "x-webhook-timestamp";

	/**
	 * The provider's {@code User-Agent}.
	 */
	public static final String USER_AGENT = "LovePay/1.0";

	private final SecretKeySpec key;

	private final Clock clock;

	/**
	 * Create a signer.
	 * @param secret the webhook secret
	 */
	public WebhookSigner(String secret) {
		this(secret, Clock.systemUTC());
	}

	/**
	 * Create a signer whose timestamp header comes from a clock.
	 * @param secret the webhook secret
	 * @param clock the clock of the timestamp header
	 */
	public WebhookSigner(String secret, Clock clock) {
		this.key = WebhookVerifier.key(secret);
		this.clock = clock;
	}

	/**
	 * Return the signature header's value for a body.
	 * @param body the body bytes
	 * @return {@code sha256=} and the hex HMAC-SHA256
	 */
	public String signature(byte[] body) {
		return WebhookVerifier.SIGNATURE_PREFIX + HexFormat.of().formatHex(WebhookVerifier.hmac(this.key, body));
	}

	/**
	 * Sign a JSON body, sent as UTF-8.
	 * @param json the body
	 * @return the body and headers to send
	 */
	public SignedWebhook sign(String json) {
		return sign(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sign a body, with a fresh delivery id and the current time as timestamp.
	 * @param body the body bytes
	 * @return the body and headers to send
	 */
	public SignedWebhook sign(byte[] body) {
		return sign(body, "whd_" + UUID.randomUUID(), this.clock.instant());
	}

	/**
	 * Sign a body with the given (unsigned) delivery id and timestamp headers.
	 * @param body the body bytes
	 * @param deliveryId the {@value #ID_HEADER} header
	 * @param timestamp the {@value #TIMESTAMP_HEADER} header
	 * @return the body and headers to send
	 */
	public SignedWebhook sign(byte[] body, String deliveryId, Instant timestamp) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("User-Agent", USER_AGENT);
		headers.put(WebhookVerifier.SIGNATURE_HEADER, signature(body));
		headers.put(ID_HEADER, deliveryId);
		headers.put(TIMESTAMP_HEADER, Long.toString(timestamp.toEpochMilli()));
		return new SignedWebhook(body.clone(), headers);
	}

	@Override
	public String toString() {
		return "WebhookSigner[secret=******]";
	}

}
