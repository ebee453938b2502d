package io.loveandpay.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Times attempts on one timer wheel shared by every client in the JVM. Every attempt
 * starts a timer and almost every timer is cancelled: on the wheel, both are a lock-free
 * queue operation, where a scheduled executor (as behind {@code Mono.timeout(Duration)})
 * takes a lock for each and may wake its thread. The wheel's daemon thread starts with
 * the first call and ticks every {@value #TICK_MILLIS} ms, so a timeout fires at most one
 * tick late. A timer that fires hands over to Reactor's parallel scheduler, so the
 * wheel's thread never runs the caller's code.
 */
final class AttemptTimer {

	static final long TICK_MILLIS = 10;

	private static final Lazy<HashedWheelTimer> WHEEL = new Lazy<>(() -> new HashedWheelTimer(
			new DefaultThreadFactory("loveandpay-timer", true), TICK_MILLIS, TimeUnit.MILLISECONDS, 512));

	private AttemptTimer() {
	}

	/**
	 * Return the source, failing with the given error when it has not ended within the
	 * limit. The timer starts when the source is subscribed to and stops when it ends or
	 * is cancelled; on timeout the source is cancelled first. One operator, with no
	 * {@code Publisher} for the timer, because every call pays for it.
	 * @param <T> the value type
	 * @param source the source
	 * @param limit the limit
	 * @param error makes the error to fail with
	 * @return the timed source
	 */
	static <T> Mono<T> timeout(Mono<T> source, Duration limit, Supplier<? extends Throwable> error) {
		return new TimedMono<>(source, limit.toNanos(), error);
	}

	private static final class TimedMono<T> extends MonoOperator<T, T> {

		private final long nanos;

		private final Supplier<? extends Throwable> error;

		TimedMono(Mono<T> source, long nanos, Supplier<? extends Throwable> error) {
			super(source);
			this.nanos = nanos;
			this.error = error;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.source.subscribe(new TimedSubscriber<>(actual, this.nanos, this.error));
		}

	}

	/**
	 * Passes the source's signals on until the first of: a value, completion, an error,
	 * cancellation or the timer. Whichever comes first wins the {@code done} flag; the
	 * others are dropped.
	 */
	private static final class TimedSubscriber<T>
			implements CoreSubscriber<T>, Subscription, Scannable, TimerTask, Runnable {

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<TimedSubscriber> DONE = AtomicIntegerFieldUpdater
			.newUpdater(TimedSubscriber.class, "done");

		private final CoreSubscriber<? super T> actual;

		private final long nanos;

		private final Supplier<? extends Throwable> error;

		private @Nullable Subscription upstream;

		private volatile @Nullable Timeout timeout;

		private volatile int done;

		TimedSubscriber(CoreSubscriber<? super T> actual, long nanos, Supplier<? extends Throwable> error) {
			this.actual = actual;
			this.nanos = nanos;
			this.error = error;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
				if (this.done == 0) {
					Timeout timeout = WHEEL.get().newTimeout(this, this.nanos, TimeUnit.NANOSECONDS);
					this.timeout = timeout;
					// Ended while the timer was being set: whoever ended may not have
					// seen it.
					if (this.done != 0) {
						timeout.cancel();
					}
				}
			}
		}

		@Override
		public void onNext(T value) {
			if (!DONE.compareAndSet(this, 0, 1)) {
				Operators.onNextDropped(value, currentContext());
				return;
			}
			stopTimer();
			this.actual.onNext(value);
			this.actual.onComplete();
		}

		@Override
		public void onError(Throwable failure) {
			if (!DONE.compareAndSet(this, 0, 1)) {
				Operators.onErrorDropped(failure, currentContext());
				return;
			}
			stopTimer();
			this.actual.onError(failure);
		}

		@Override
		public void onComplete() {
			if (DONE.compareAndSet(this, 0, 1)) {
				stopTimer();
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			if (DONE.compareAndSet(this, 0, 1)) {
				stopTimer();
				Subscription upstream = this.upstream;
				if (upstream != null) {
					upstream.cancel();
				}
			}
		}

		/**
		 * The timer fired, on the wheel's thread: hand over to Reactor's parallel
		 * scheduler, so that the wheel's thread never runs the caller's code.
		 */
		@Override
		public void run(Timeout timeout) {
			if (this.done != 0) {
				return;
			}
			try {
				Schedulers.parallel().schedule(this);
			}
			catch (RejectedExecutionException ex) {
				// Reactor's schedulers were shut down: a timeout must still end the
				// attempt.
				run();
			}
		}

		@Override
		public void run() {
			if (DONE.compareAndSet(this, 0, 1)) {
				Subscription upstream = this.upstream;
				if (upstream != null) {
					upstream.cancel();
				}
				this.actual.onError(this.error.get());
			}
		}

		private void stopTimer() {
			Timeout timeout = this.timeout;
			if (timeout != null) {
				timeout.cancel();
			}
		}

		@Override
		public @Nullable Object scanUnsafe(Attr key) {
			if (key == Attr.PARENT) {
				return this.upstream;
			}
			if (key == Attr.ACTUAL) {
				return this.actual;
			}
			if (key == Attr.TERMINATED || key == Attr.CANCELLED) {
				return this.done != 0;
			}
			if (key == Attr.RUN_STYLE) {
				return Attr.RunStyle.ASYNC;
			}
			return null;
		}

	}

}
