package io.loveandpay.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.internal.LoveandpayClockSkew;

/**
 * The client's meters beside the timer of its observations:
 * <ul>
 * <li>{@code loveandpay.client.retries}: counter of retries, by {@code operation} and
 * {@code reason};</li>
 * <li>{@code loveandpay.client.undocumented.values}: counter of fields and values the
 * provider sent that its documentation does not list, by {@code field} (at most
 * {@value #MAX_FIELDS} distinct fields, then {@code OTHER});</li>
 * <li>{@code loveandpay.client.clock.offset}: gauge of the measured offset to the
 * provider's clock, in seconds, positive when the provider is ahead;</li>
 * <li>{@code loveandpay.client.quota.wait}: timer of the waits for a permit of the
 * request quota, one per attempt, by {@code operation};</li>
 * <li>{@code loveandpay.client.quota.refused}: counter of calls the quota refused, not
 * sent, by {@code operation};</li>
 * <li>{@code loveandpay.client.quota.store.errors}: counter of the quota store's failures
 * and timeouts;</li>
 * <li>{@code loveandpay.client.quota.fallback}: gauge, 1 while the quota runs on its
 * local fallback, 0 otherwise.</li>
 * </ul>
 */
final class LoveandpayMetrics implements LoveandpayClientListener, MeterBinder {

	static final int MAX_FIELDS = 50;

	private final LoveandpayClockSkew clockSkew;

	private final Supplier<@Nullable LoveandpayRequestQuota> quota;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Set<String> fields = ConcurrentHashMap.newKeySet();

	LoveandpayMetrics(LoveandpayClockSkew clockSkew) {
		this(clockSkew, () -> null);
	}

	LoveandpayMetrics(LoveandpayClockSkew clockSkew, Supplier<@Nullable LoveandpayRequestQuota> quota) {
		this.clockSkew = clockSkew;
		this.quota = quota;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("loveandpay.client.clock.offset", this.clockSkew, (skew) -> skew.offset().toMillis() / 1000.0)
			.description("Measured offset of the provider's clock to this machine's")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("loveandpay.client.quota.fallback", this, (metrics) -> metrics.quotaOnFallback() ? 1 : 0)
			.description("Whether the request quota runs on its local fallback instead of its shared store")
			.register(registry);
		FunctionCounter.builder("loveandpay.client.quota.store.errors", this, LoveandpayMetrics::quotaStoreErrors)
			.description("Failures and timeouts of the request quota's store")
			.register(registry);
		this.registries.add(registry);
	}

	@Override
	public void retrying(String operation, String reason) {
		for (MeterRegistry registry : this.registries) {
			Counter.builder("loveandpay.client.retries")
				.description("Retries of loveandpay API calls")
				.tag("operation", operation)
				.tag("reason", reason)
				.register(registry)
				.increment();
		}
	}

	@Override
	public void permitTaken(String operation, Duration waited) {
		for (MeterRegistry registry : this.registries) {
			Timer.builder("loveandpay.client.quota.wait")
				.description("Waits for a permit of the request quota, one per attempt")
				.tag("operation", operation)
				.register(registry)
				.record(waited);
		}
	}

	@Override
	public void refusedByQuota(String operation) {
		for (MeterRegistry registry : this.registries) {
			Counter.builder("loveandpay.client.quota.refused")
				.description("Calls the request quota refused, not sent")
				.tag("operation", operation)
				.register(registry)
				.increment();
		}
	}

	private boolean quotaOnFallback() {
		LoveandpayRequestQuota quota = this.quota.get();
		return quota != null && quota.state().onFallback();
	}

	private double quotaStoreErrors() {
		LoveandpayRequestQuota quota = this.quota.get();
		return (quota != null) ? quota.state().storeErrors() : 0;
	}

	@Override
	public void undocumentedValue(String field) {
		String tag = (this.fields.contains(field) || (this.fields.size() < MAX_FIELDS && this.fields.add(field)))
				? field : "OTHER";
		for (MeterRegistry registry : this.registries) {
			Counter.builder("loveandpay.client.undocumented.values")
				.description("Fields and values sent by the provider that its documentation does not list")
				.tag("field", tag)
				.register(registry)
				.increment();
		}
	}

}
