package io.loveandpay.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps the keys out of Actuator's {@code env} and {@code configprops} endpoints, even
 * with {@code show-values: always}: the secret key is masked under any name it arrives by
 * ({@code loveandpay.secret-key}, {@code LOVEANDPAY_SECRET_KEY}, a system property) and
 * inside any other value that contains it (a command line,
 * {@code SPRING_APPLICATION_JSON}), and the API key shows only its mode prefix. The keys
 * are those of the {@link LoveandpayConnectionDetails}, whatever supplies them. The
 * webhook secrets ({@code loveandpay.webhook.secret}, a list or a comma-separated string)
 * are masked the same way, under their own names, their indexed names and inside other
 * values.
 */
final class LoveandpaySanitizingFunction implements SanitizingFunction {

	private static final int MIN_SECRET_LENGTH = 8;

	private final @Nullable String secretKey;

	private final @Nullable String apiKey;

	private final List<String> webhookSecrets;

	LoveandpaySanitizingFunction(LoveandpayConnectionDetails connectionDetails, List<String> webhookSecrets) {
		this.secretKey = connectionDetails.getSecretKey();
		this.apiKey = connectionDetails.getApiKey();
		this.webhookSecrets = List.copyOf(webhookSecrets);
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = normalized(data.getKey());
		if (key.endsWith("loveandpaysecretkey")
				|| key.equals("secretkey") && data.getValue() != null && data.getValue().equals(this.secretKey)) {
			return data.withSanitizedValue();
		}
		if (key.contains("loveandpaywebhooksecret") || isWebhookSecret(data.getValue())) {
			return data.withSanitizedValue();
		}
		if (key.endsWith("loveandpayapikey") && data.getValue() != null) {
			return data.withValue(Keys.masked(data.getValue().toString()));
		}
		if (data.getValue() instanceof CharSequence text) {
			String value = text.toString();
			String masked = replace(replace(value, this.secretKey, SanitizableData.SANITIZED_VALUE), this.apiKey,
					Keys.masked(this.apiKey));
			for (String webhookSecret : this.webhookSecrets) {
				masked = replace(masked, webhookSecret, SanitizableData.SANITIZED_VALUE);
			}
			return masked.equals(value) ? data : data.withValue(masked);
		}
		return data;
	}

	private boolean isWebhookSecret(@Nullable Object value) {
		return value instanceof CharSequence text && this.webhookSecrets.contains(text.toString());
	}

	private static String replace(String value, @Nullable String secret, String replacement) {
		if (secret == null || secret.length() < MIN_SECRET_LENGTH || !value.contains(secret)) {
			return value;
		}
		return value.replace(secret, replacement);
	}

	private static String normalized(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		return normalized.toString();
	}

}
