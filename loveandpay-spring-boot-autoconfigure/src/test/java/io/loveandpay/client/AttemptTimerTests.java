package io.loveandpay.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttemptTimer}.
 */
class AttemptTimerTests {

	@Test
	void firesAfterTheDelayOnAParallelThreadNotTheWheels() {
		AtomicReference<String> thread = new AtomicReference<>();
		long start = System.nanoTime();
		Long fired = AttemptTimer.after(Duration.ofMillis(100))
			.doOnNext((tick) -> thread.set(Thread.currentThread().getName()))
			.block(Duration.ofSeconds(10));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(fired).isZero();
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(5));
		assertThat(thread.get()).startsWith("parallel-");
	}

	@Test
	void firesOnTheWheelsThreadWhenReactorRefusesWork() {
		Schedulers.onScheduleHook("refuse", (task) -> {
			throw new RejectedExecutionException("shut down");
		});
		try {
			AtomicReference<String> thread = new AtomicReference<>();
			Long fired = AttemptTimer.after(Duration.ofMillis(50))
				.doOnNext((tick) -> thread.set(Thread.currentThread().getName()))
				.block(Duration.ofSeconds(10));
			assertThat(fired).isZero();
			assertThat(thread.get()).startsWith("loveandpay-timer");
		}
		finally {
			Schedulers.resetOnScheduleHook("refuse");
		}
	}

	@Test
	void cancelledTimerNeverFires() throws InterruptedException {
		AtomicBoolean fired = new AtomicBoolean();
		Disposable timer = AttemptTimer.after(Duration.ofMillis(50)).subscribe((tick) -> fired.set(true));
		timer.dispose();
		AttemptTimer.after(Duration.ofMillis(300)).block(Duration.ofSeconds(10));
		assertThat(fired).isFalse();
	}

}
