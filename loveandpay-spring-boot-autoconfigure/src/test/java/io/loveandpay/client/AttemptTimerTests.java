package io.loveandpay.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttemptTimer}.
 */
class AttemptTimerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final AtomicInteger timeouts = new AtomicInteger();

	private final Supplier<Throwable> timedOut = () -> {
		this.timeouts.incrementAndGet();
		return new TimeoutException("took too long");
	};

	@Test
	void timesOutOnAParallelThreadNotTheWheelsAndCancelsTheSourceFirst() {
		AtomicReference<String> thread = new AtomicReference<>();
		AtomicBoolean cancelledBeforeError = new AtomicBoolean();
		AtomicBoolean cancelled = new AtomicBoolean();
		long start = System.nanoTime();
		StepVerifier.create(AttemptTimer
			.timeout(Mono.never().doOnCancel(() -> cancelled.set(true)), Duration.ofMillis(100), this.timedOut)
			.doOnError((ex) -> {
				thread.set(Thread.currentThread().getName());
				cancelledBeforeError.set(cancelled.get());
			})).expectErrorMessage("took too long").verify(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100))
			.isLessThan(Duration.ofSeconds(5));
		assertThat(thread.get()).startsWith("parallel-");
		assertThat(cancelledBeforeError).isTrue();
	}

	@Test
	void timesOutOnTheWheelsThreadWhenReactorRefusesWork() {
		Schedulers.onScheduleHook("refuse", (task) -> {
			throw new RejectedExecutionException("shut down");
		});
		try {
			AtomicReference<String> thread = new AtomicReference<>();
			StepVerifier
				.create(AttemptTimer.timeout(Mono.never(), Duration.ofMillis(50), this.timedOut)
					.doOnError((ex) -> thread.set(Thread.currentThread().getName())))
				.expectError(TimeoutException.class)
				.verify(WAIT);
			assertThat(thread.get()).startsWith("loveandpay-timer");
		}
		finally {
			Schedulers.resetOnScheduleHook("refuse");
		}
	}

	@Test
	void valueInTimeStopsTheTimer() throws InterruptedException {
		StepVerifier.create(AttemptTimer.timeout(Mono.just("answer"), Duration.ofMillis(50), this.timedOut))
			.expectNext("answer")
			.verifyComplete();
		StepVerifier
			.create(AttemptTimer.timeout(Mono.just("late").delayElement(Duration.ofMillis(20)), Duration.ofMillis(80),
					this.timedOut))
			.expectNext("late")
			.verifyComplete();
		Thread.sleep(300);
		assertThat(this.timeouts).hasValue(0);
	}

	@Test
	void emptyAndFailedSourcesPassThroughAndStopTheTimer() throws InterruptedException {
		StepVerifier.create(AttemptTimer.timeout(Mono.empty(), Duration.ofMillis(50), this.timedOut)).verifyComplete();
		IllegalStateException failure = new IllegalStateException("refused");
		StepVerifier.create(AttemptTimer.timeout(Mono.error(failure), Duration.ofMillis(50), this.timedOut))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify(WAIT);
		Thread.sleep(300);
		assertThat(this.timeouts).hasValue(0);
	}

	@Test
	void cancelledTimerNeverFiresAndCancelsTheSource() throws InterruptedException {
		AtomicBoolean cancelled = new AtomicBoolean();
		AtomicBoolean signalled = new AtomicBoolean();
		Disposable call = AttemptTimer
			.timeout(Mono.never().doOnCancel(() -> cancelled.set(true)), Duration.ofMillis(50), this.timedOut)
			.subscribe((value) -> signalled.set(true), (ex) -> signalled.set(true), () -> signalled.set(true));
		call.dispose();
		Thread.sleep(300);
		assertThat(cancelled).isTrue();
		assertThat(signalled).isFalse();
		assertThat(this.timeouts).hasValue(0);
	}

	@Test
	void aValueRacingTheTimerEndsTheAttemptOnce() {
		for (int i = 0; i < 50; i++) {
			Sinks.One<Integer> source = Sinks.one();
			AtomicInteger endings = new AtomicInteger();
			Disposable subscription = AttemptTimer.timeout(source.asMono(), Duration.ofMillis(10), this.timedOut)
				.subscribe((value) -> endings.incrementAndGet(), (ex) -> endings.incrementAndGet());
			Mono.delay(Duration.ofMillis(10)).subscribe((tick) -> source.tryEmitValue(1));
			Mono.delay(Duration.ofMillis(50)).block(WAIT);
			assertThat(endings).as("a value or a timeout, never both").hasValue(1);
			subscription.dispose();
		}
	}

}
