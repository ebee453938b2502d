package io.loveandpay.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.LoveandpayClientListener;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells every {@link LoveandpayClientListener} bean, in order. The beans are looked up at
 * the first event, not at start-up: events are rare, and a listener may then depend on
 * the client itself.
 */
final class ListenerBeans implements LoveandpayClientListener {

	private final ObjectProvider<LoveandpayClientListener> beans;

	private volatile @Nullable List<LoveandpayClientListener> listeners;

	ListenerBeans(ObjectProvider<LoveandpayClientListener> beans) {
		this.beans = beans;
	}

	@Override
	public void retrying(String operation, String reason) {
		for (LoveandpayClientListener listener : listeners()) {
			listener.retrying(operation, reason);
		}
	}

	@Override
	public void undocumentedValue(String field) {
		for (LoveandpayClientListener listener : listeners()) {
			listener.undocumentedValue(field);
		}
	}

	private List<LoveandpayClientListener> listeners() {
		List<LoveandpayClientListener> listeners = this.listeners;
		if (listeners == null) {
			// Two first events at once may both look up: the result is the same.
			listeners = this.beans.orderedStream().toList();
			this.listeners = listeners;
		}
		return listeners;
	}

	@Override
	public String toString() {
		return "ListenerBeans";
	}

}
