package io.loveandpay.autoconfigure.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.loveandpay.client.LoveandpayClientListener;
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
 * provider's clock, in seconds, positive when the provider is ahead.</li>
 * </ul>
 */
final class LoveandpayMetrics implements LoveandpayClientListener, MeterBinder {

	static final int MAX_FIELDS = 50;

	private final LoveandpayClockSkew clockSkew;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Set<String> fields = ConcurrentHashMap.newKeySet();

	LoveandpayMetrics(LoveandpayClockSkew clockSkew) {
		this.clockSkew = clockSkew;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("loveandpay.client.clock.offset", this.clockSkew, (skew) -> skew.offset().toMillis() / 1000.0)
			.description("Measured offset of the provider's clock to this machine's")
			.baseUnit("seconds")
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
