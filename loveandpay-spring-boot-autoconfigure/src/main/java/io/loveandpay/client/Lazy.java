package io.loveandpay.client;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value made on first use and kept, so that start-up pays nothing for what a call
 * needs.
 */
final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> factory;

	private volatile @Nullable T value;

	Lazy(Supplier<T> factory) {
		this.factory = factory;
	}

	@Override
	public T get() {
		T result = this.value;
		if (result == null) {
			synchronized (this) {
				result = this.value;
				if (result == null) {
					result = this.factory.get();
					this.value = result;
				}
			}
		}
		return result;
	}

}
