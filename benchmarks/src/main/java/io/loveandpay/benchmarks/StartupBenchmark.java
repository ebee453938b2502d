package io.loveandpay.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link BenchmarkApplication} in fresh JVMs, in pairs: one start with the
 * starter's auto-configurations and one without, back to back, the order alternating from
 * pair to pair. The figure is the median over the pairs of with/without: on this machine
 * one start varies by about 10% from the next, so a ratio made within a pair, and its
 * spread over many pairs, is what can be trusted.
 */
final class StartupBenchmark {

	private final int pairs;

	StartupBenchmark(int pairs) {
		this.pairs = pairs;
	}

	Results run() throws IOException, InterruptedException {
		startOnce("with");
		startOnce("without");
		double[] with = new double[this.pairs];
		double[] without = new double[this.pairs];
		double[] clientMade = new double[this.pairs];
		for (int i = 0; i < this.pairs; i++) {
			if (i % 2 == 0) {
				double[] started = startWith();
				with[i] = started[0];
				clientMade[i] = started[1];
				without[i] = startOnce("without");
			}
			else {
				without[i] = startOnce("without");
				double[] started = startWith();
				with[i] = started[0];
				clientMade[i] = started[1];
			}
		}
		return new Results(with, without, clientMade);
	}

	private static double[] startWith() throws IOException, InterruptedException {
		return probe(List.of("-XX:TieredStopAtLevel=1"), StartupProbe.class, "with", StartupProbe.STARTUP_MARKER,
				StartupProbe.CLIENT_MARKER);
	}

	private static double startOnce(String mode) throws IOException, InterruptedException {
		return probe(List.of("-XX:TieredStopAtLevel=1"), StartupProbe.class, mode, StartupProbe.STARTUP_MARKER)[0];
	}

	/**
	 * Run a probe's {@code main} in a fresh JVM on this JVM's class path and return, in
	 * milliseconds, the nanoseconds it printed after the marker.
	 * @param jvmOptions options of the fresh JVM
	 * @param probe the class whose {@code main} runs
	 * @param mode the probe's one argument
	 * @param markers the starts of the lines that hold the figures
	 * @return the figures in milliseconds, in the order of their markers
	 */
	static double[] probe(List<String> jvmOptions, Class<?> probe, String mode, String... markers)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), probe.getName(), mode));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		long[] nanos = new long[markers.length];
		Arrays.fill(nanos, -1);
		List<String> output = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				output.add(line);
				for (int i = 0; i < markers.length; i++) {
					if (line.startsWith(markers[i])) {
						nanos[i] = Long.parseLong(line.substring(markers[i].length()).split(" ")[0]);
					}
				}
			}
		}
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
				|| Arrays.stream(nanos).anyMatch((figure) -> figure < 0)) {
			throw new IllegalStateException(
					probe.getSimpleName() + " '" + mode + "' failed: " + String.join("\n", output));
		}
		return Arrays.stream(nanos).mapToDouble((figure) -> figure / 1e6).toArray();
	}

	/**
	 * Start times in milliseconds, pair by pair.
	 *
	 * @param with the starts with the starter
	 * @param without the starts without it
	 * @param clientMade after each start with the starter, the time the first injection
	 * of the {@code BlockingKycSessionService} took, which makes the client; empty when
	 * not measured
	 */
	record Results(double[] with, double[] without, double[] clientMade) {

		Results(double[] with, double[] without) {
			this(with, without, new double[0]);
		}

		double medianClientMade() {
			return (this.clientMade.length > 0) ? percentile(this.clientMade, 50) : Double.NaN;
		}

		double medianWith() {
			return percentile(this.with, 50);
		}

		double medianWithout() {
			return percentile(this.without, 50);
		}

		/**
		 * Return a percentile of the ratios with/without of each pair.
		 * @param percentile 25, 50 or 75, say
		 * @return the ratio
		 */
		double pairedRatio(double percentile) {
			double[] ratios = new double[this.with.length];
			for (int i = 0; i < ratios.length; i++) {
				ratios[i] = this.with[i] / this.without[i];
			}
			return percentile(ratios, percentile);
		}

		int pairs() {
			return this.with.length;
		}

		private static double percentile(double[] values, double percentile) {
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			double rank = percentile / 100 * (sorted.length - 1);
			int below = (int) Math.floor(rank);
			int above = Math.min(below + 1, sorted.length - 1);
			return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
		}

	}

}
