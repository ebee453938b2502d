package io.loveandpay.kyc;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * Iterates a {@link Flux} by asking it for one item each time the caller asks whether
 * there is a next one, and never before: nothing is fetched ahead of the caller.
 */
final class PullIterator<T> extends BaseSubscriber<T> implements Iterator<T>, AutoCloseable {

	private static final Object COMPLETE = new Object();

	private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();

	private @Nullable T next;

	private boolean done;

	private PullIterator() {
	}

	static <T> PullIterator<T> of(Flux<T> source) {
		PullIterator<T> iterator = new PullIterator<>();
		source.subscribe(iterator);
		return iterator;
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		// Items are requested one at a time by hasNext().
	}

	@Override
	protected void hookOnNext(T value) {
		this.signals.add(value);
	}

	@Override
	protected void hookOnComplete() {
		this.signals.add(COMPLETE);
	}

	@Override
	protected void hookOnError(Throwable failure) {
		this.signals.add(new Failure(failure));
	}

	@Override
	@SuppressWarnings("unchecked")
	public boolean hasNext() {
		if (this.next != null) {
			return true;
		}
		if (this.done) {
			return false;
		}
		request(1);
		Object signal;
		try {
			signal = this.signals.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new IllegalStateException("Interrupted while waiting for the next session", ex);
		}
		if (signal == COMPLETE) {
			this.done = true;
			return false;
		}
		if (signal instanceof Failure failure) {
			this.done = true;
			throw Exceptions.propagate(failure.error());
		}
		this.next = (T) signal;
		return true;
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T value = this.next;
		this.next = null;
		return value;
	}

	@Override
	public void close() {
		this.done = true;
		dispose();
	}

	private record Failure(Throwable error) {
	}

}
