package io.loveandpay.benchmarks;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Profiles the load driver's measured rounds with async-profiler, one series at a time:
 * each round's CPU samples go to {@code <series>-<n>.collapsed} (collapsed stacks) in the
 * given folder, so that the client's rounds and the bare WebClient's rounds of one
 * interleaved run can be compared stack by stack. async-profiler's jar must be on the
 * class path ({@code ASYNC_PROFILER_JAR} for {@code benchmarks/run}); it is found by
 * reflection, so the build does not depend on it.
 */
final class RoundProfiler {

	/** The folder to write profiles to; profiling is off without it. */
	static final String PROPERTY = "loveandpay.benchmarks.profile";

	private final Object profiler;

	private final Method execute;

	private final Path folder;

	private int rounds;

	private RoundProfiler(Object profiler, Method execute, Path folder) {
		this.profiler = profiler;
		this.execute = execute;
		this.folder = folder;
	}

	/**
	 * Return a profiler when {@value #PROPERTY} names a folder, or {@code null}.
	 */
	static @Nullable RoundProfiler fromSystemProperty() {
		String folder = System.getProperty(PROPERTY);
		if (folder == null) {
			return null;
		}
		try {
			Class<?> type = Class.forName("one.profiler.AsyncProfiler");
			Object profiler = type.getMethod("getInstance").invoke(null);
			Path path = Files.createDirectories(Path.of(folder));
			return new RoundProfiler(profiler, type.getMethod("execute", String.class), path);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Profiling needs async-profiler's jar on the class path "
					+ "(set ASYNC_PROFILER_JAR for benchmarks/run)", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("async-profiler could not start", ex);
		}
	}

	/**
	 * Run one round under the profiler and write its samples.
	 * @param series the series' short name, such as {@code client}
	 * @param round runs the round
	 * @return the round
	 */
	synchronized ThroughputBenchmark.Round profile(String series, Supplier<ThroughputBenchmark.Round> round) {
		command("start,event=cpu,interval=1ms");
		try {
			return round.get();
		}
		finally {
			command("stop");
			command("dump,collapsed,file=" + this.folder.resolve(series + "-" + (this.rounds++) + ".collapsed"));
		}
	}

	private void command(String command) {
		try {
			this.execute.invoke(this.profiler, command);
		}
		catch (Exception ex) {
			throw new IllegalStateException("async-profiler refused '" + command + "'", ex);
		}
	}

}
