package io.loveandpay.autoconfigure.webhook;

import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.WebhookOutcome;

/**
 * Counts deliveries in {@value #METER}, tagged with low-cardinality values only: the
 * outcome, the normalised type of verified events ({@code unknown} before verification,
 * {@code other} for a type that is not short, lower-case and dotted) and which secret
 * verified it ({@code current}, {@code previous} or {@code none}), so that users see when
 * the previous secret is no longer used.
 */
final class MicrometerWebhookRecorder implements WebhookRecorder {

	static final String METER = "loveandpay.webhooks.received";

	private static final Pattern TYPE = Pattern.compile("[a-z0-9.]{1,64}");

	private final MeterRegistry registry;

	MicrometerWebhookRecorder(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void record(WebhookOutcome outcome, @Nullable LoveandpayWebhookEvent event, int secretIndex) {
		Counter.builder(METER)
			.description("Webhook deliveries received, by outcome")
			.tag("outcome", outcome.name())
			.tag("type", type(event))
			.tag("secret", (secretIndex < 0) ? "none" : (secretIndex == 0) ? "current" : "previous")
			.register(this.registry)
			.increment();
	}

	static String type(@Nullable LoveandpayWebhookEvent event) {
		if (event == null) {
			return "unknown";
		}
		String type = event.type();
		if (type == null) {
			return "other";
		}
		String normalized = LoveandpayWebhookEvent.normalizedType(type);
		return TYPE.matcher(normalized).matches() ? normalized : "other";
	}

}
