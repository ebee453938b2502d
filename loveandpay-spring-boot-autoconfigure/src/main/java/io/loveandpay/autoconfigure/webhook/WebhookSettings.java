package io.loveandpay.autoconfigure.webhook;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.loveandpay.autoconfigure.LoveandpayConfigurationException;
import io.loveandpay.autoconfigure.LoveandpayProperties;
import io.loveandpay.webhook.LoveandpayWebhookReceiver.Limits;

/**
 * Checks the {@code loveandpay.webhook.*} properties at start-up and turns them into the
 * receiver's settings. A wrong value fails with a
 * {@link LoveandpayConfigurationException} that names the property, never its value.
 */
final class WebhookSettings {

	private static final String PREFIX = "loveandpay.webhook.";

	private WebhookSettings() {
	}

	static List<String> secrets(LoveandpayProperties.Webhook webhook) {
		List<String> secrets = webhook.getSecret();
		if (secrets.isEmpty()) {
			throw new LoveandpayConfigurationException(OnWebhookCondition.SECRET,
					"is not set, but " + OnWebhookCondition.ENABLED + " is true",
					"Set " + OnWebhookCondition.SECRET + " to the webhook secret of the loveandpay dashboard"
							+ " (several, as a list or comma-separated, while one is rotated: the current one first),"
							+ " or remove " + OnWebhookCondition.ENABLED + " to leave the webhook endpoint off.",
					true);
		}
		if (secrets.stream().anyMatch((secret) -> secret == null || secret.isBlank())) {
			throw new LoveandpayConfigurationException(OnWebhookCondition.SECRET, "holds an empty secret",
					"Remove the empty entry from " + OnWebhookCondition.SECRET + ".", false);
		}
		return List.copyOf(secrets);
	}

	static Limits limits(LoveandpayProperties.Webhook webhook) {
		long maxBodySize = webhook.getMaxBodySize().toBytes();
		if (maxBodySize < 1 || maxBodySize > Integer.MAX_VALUE - 8) {
			throw invalid("max-body-size", "must be between 1B and 2047MB", "256KB");
		}
		return new Limits(maxBodySize, positive("max-event-age", webhook.getMaxEventAge(), "72h"),
				notNegative("allowed-skew", webhook.getAllowedSkew(), "5m"),
				(webhook.getTolerance() != null) ? positive("tolerance", webhook.getTolerance(), "5m") : null,
				positive("claim-timeout", webhook.getClaimTimeout(), "5m"));
	}

	static int maxEntries(LoveandpayProperties.Webhook webhook) {
		if (webhook.getMaxEntries() < 1) {
			throw invalid("max-entries", "must be 1 or more", "100000");
		}
		return webhook.getMaxEntries();
	}

	static String keyPrefix(LoveandpayProperties.Webhook webhook) {
		String keyPrefix = webhook.getDeduplication().getKeyPrefix();
		if (keyPrefix == null || keyPrefix.isBlank()) {
			throw invalid("deduplication.key-prefix", "must not be empty", "loveandpay:webhook:");
		}
		return keyPrefix;
	}

	static String path(LoveandpayProperties.Webhook webhook) {
		String path = webhook.getPath();
		if (path == null || !path.startsWith("/") || path.length() < 2) {
			throw invalid("path", "must start with '/' and name a path", "/loveandpay/webhooks");
		}
		return path;
	}

	private static Duration positive(String name, @Nullable Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(name, "must be a positive duration", example);
		}
		return value;
	}

	private static Duration notNegative(String name, @Nullable Duration value, String example) {
		if (value == null || value.isNegative()) {
			throw invalid(name, "must not be negative", example);
		}
		return value;
	}

	private static LoveandpayConfigurationException invalid(String name, String problem, String example) {
		return new LoveandpayConfigurationException(PREFIX + name, problem,
				"Set " + PREFIX + name + " to a valid value, such as " + example + ", or remove it for the default.",
				false);
	}

}
