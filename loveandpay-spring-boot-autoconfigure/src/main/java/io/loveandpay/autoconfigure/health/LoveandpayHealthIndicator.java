package io.loveandpay.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import io.loveandpay.client.LoveandpayAccessDeniedException;
import io.loveandpay.client.LoveandpayApiException;
import io.loveandpay.client.LoveandpayAuthenticationException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCall;
import io.loveandpay.client.internal.RefusalHints;

/**
 * Checks reachability and credentials with one signed one-item list, and reuses the
 * result for a while so that frequent probes do not spend the account's rate limit.
 * <p>
 * {@code UP}: the provider answered the signed request. {@code DOWN}: it refused the
 * credentials or the access, or answered in a way that shows a configuration mistake;
 * someone must act. {@code UNKNOWN}: the provider is failing, unreachable, slow or
 * rate-limiting; the application itself is fine and restarting it would not help, and
 * {@code UNKNOWN} does not pull the application's overall status down.
 * <p>
 * The details also show the client's request quota, read at each check: where it is kept
 * and whether it runs on its local fallback (and why, as a type name). A fallback never
 * changes the status: the client goes on working.
 */
final class LoveandpayHealthIndicator implements ReactiveHealthIndicator {

	static final String OPERATION = "loveandpay.health";

	private final Supplier<LoveandpayApiClient> client;

	private final String baseUrl;

	private final String mode;

	private final Duration timeout;

	private final Mono<Health> health;

	LoveandpayHealthIndicator(Supplier<LoveandpayApiClient> client, String baseUrl, String mode, Duration timeout,
			Duration cacheTtl) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.mode = mode;
		this.timeout = timeout;
		this.health = Mono.defer(this::probe)
			.cache((result) -> cacheTtl, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<Health> health() {
		return this.health.map(this::withQuota);
	}

	private Health withQuota(Health health) {
		LoveandpayRequestQuota quota = this.client.get().quota();
		if (quota == null) {
			return health;
		}
		LoveandpayRequestQuota.State state = quota.state();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", state.store());
		if (state.onFallback()) {
			details.put("state", "local-fallback");
			details.put("reason", state.fallbackReason());
		}
		else {
			details.put("state", "memory".equals(state.store()) ? "local" : "shared");
		}
		if (state.storeErrors() > 0) {
			details.put("storeErrors", state.storeErrors());
		}
		return Health.status(health.getStatus()).withDetails(health.getDetails()).withDetail("quota", details).build();
	}

	private Mono<Health> probe() {
		LoveandpayCall call = LoveandpayCall.get(OPERATION, "/kyc/sessions").query("limit", 1).withoutRetries().build();
		long start = System.nanoTime();
		return this.client.get()
			.exchange(call, ProbeEnvelope.class)
			.timeout(this.timeout)
			.map((answer) -> base(Health.up(), start).build())
			.onErrorResume((failure) -> Mono.just(health(failure, start)));
	}

	private Health health(Throwable failure, long start) {
		if (failure instanceof LoveandpayAuthenticationException
				|| failure instanceof LoveandpayAccessDeniedException) {
			LoveandpayApiException refused = (LoveandpayApiException) failure;
			String code = (refused.errorCode() != null) ? refused.errorCode() : "HTTP_" + refused.statusCode();
			String hint = (refused instanceof LoveandpayAuthenticationException)
					? RefusalHints.credentialsRefused(refused.errorCode())
					: RefusalHints.accessDenied(refused.errorCode());
			return refused(Health.down(), start,
					(refused instanceof LoveandpayAuthenticationException) ? "CREDENTIALS_REFUSED" : "ACCESS_DENIED",
					refused)
				.withDetail("error.code", code)
				.withDetail("hint", hint)
				.build();
		}
		if (failure instanceof LoveandpayRateLimitException limited) {
			Health.Builder builder = refused(Health.unknown(), start, "RATE_LIMITED", limited);
			if (limited.retryAfter() != null) {
				builder.withDetail("retryAfter", limited.retryAfter().toSeconds() + "s");
			}
			return builder.build();
		}
		if (failure instanceof LoveandpayServerException server) {
			return refused(Health.unknown(), start, "PROVIDER_ERROR", server).build();
		}
		if (failure instanceof LoveandpayApiException unexpected) {
			return refused(Health.down(), start, "UNEXPECTED_ANSWER", unexpected)
				.withDetail("hint", "Check loveandpay.base-url: the API answered HTTP " + unexpected.statusCode() + ".")
				.build();
		}
		if (failure instanceof TimeoutException || failure instanceof LoveandpayTimeoutException) {
			return base(Health.unknown(), start).withDetail("reason", "TIMEOUT").build();
		}
		if (failure instanceof LoveandpayProtocolException) {
			return base(Health.unknown(), start).withDetail("reason", "UNREADABLE_ANSWER").build();
		}
		return base(Health.unknown(), start).withDetail("reason", "UNREACHABLE").build();
	}

	private Health.Builder refused(Health.Builder builder, long start, String reason, LoveandpayApiException failure) {
		base(builder, start).withDetail("reason", reason).withDetail("httpStatus", failure.statusCode());
		if (failure.errorCode() != null) {
			builder.withDetail("error.code", failure.errorCode());
		}
		if (failure.requestId() != null) {
			builder.withDetail("requestId", failure.requestId());
		}
		return builder;
	}

	private Health.Builder base(Health.Builder builder, long start) {
		return builder.withDetail("baseUrl", this.baseUrl)
			.withDetail("mode", this.mode)
			.withDetail("latency", Duration.ofNanos(System.nanoTime() - start).toMillis() + "ms");
	}

	@Override
	public String toString() {
		return "LoveandpayHealthIndicator[" + this.baseUrl + ", " + this.mode + "]";
	}

}
