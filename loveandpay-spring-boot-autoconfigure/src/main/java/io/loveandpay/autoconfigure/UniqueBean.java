package io.loveandpay.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The one bean of a type, looked up when asked for (on the client's first call), or
 * {@code null} when there is none or more than one.
 *
 * @param <T> the bean type
 */
final class UniqueBean<T> implements Supplier<@Nullable T> {

	private final ObjectProvider<T> beans;

	UniqueBean(ObjectProvider<T> beans) {
		this.beans = beans;
	}

	@Override
	public @Nullable T get() {
		return this.beans.getIfUnique();
	}

}
