package io.loveandpay.autoconfigure;

import java.util.List;

import io.loveandpay.client.LoveandpayClientListener;

/**
 * Tells every listener bean, in order.
 */
final class CompositeListener implements LoveandpayClientListener {

	private final List<LoveandpayClientListener> listeners;

	CompositeListener(List<LoveandpayClientListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void retrying(String operation, String reason) {
		this.listeners.forEach((listener) -> listener.retrying(operation, reason));
	}

	@Override
	public void undocumentedValue(String field) {
		this.listeners.forEach((listener) -> listener.undocumentedValue(field));
	}

}
