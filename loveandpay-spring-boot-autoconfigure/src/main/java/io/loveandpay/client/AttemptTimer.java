package io.loveandpay.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

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

	private static void fire(MonoSink<Long> sink) {
		try {
			Schedulers.parallel().schedule(() -> sink.success(0L));
		}
		catch (RejectedExecutionException ex) {
			// Reactor's schedulers were shut down: a timeout must still end the attempt.
			sink.success(0L);
		}
	}

	/**
	 * Return a {@code Mono} that emits once the delay has passed after it is subscribed
	 * to, and stops its timer when cancelled.
	 * @param delay the delay
	 * @return the timer
	 */
	static Mono<Long> after(Duration delay) {
		return Mono.create((sink) -> {
			Timeout timeout = WHEEL.get().newTimeout((fired) -> fire(sink), delay.toNanos(), TimeUnit.NANOSECONDS);
			sink.onCancel(timeout::cancel);
		});
	}

}
