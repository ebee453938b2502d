package io.loveandpay.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark, prints a table, and last one line per figure:
 * {@code RATIO <name> <value>}. Everything compared is measured side by side in the same
 * run: on a shared, noisy machine only ratios mean something.
 */
public final class BenchmarkSuite {

	private static final int STARTUP_PAIRS = 31;

	/** Pairs of fresh starts, stand-in and WireMock, whose ratios give the figure. */
	private static final int STANDIN_PAIRS = 7;

	/** Cycles of the load driver whose paired ratios give the figure. */
	private static final int MEASURED_CYCLES = 13;

	private BenchmarkSuite() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		boolean quick = options.contains("--quick");
		String only = option(options, "--only=").orElse("all");
		option(options, "--profile=").ifPresent((folder) -> System.setProperty(RoundProfiler.PROPERTY, folder));
		List<String> table = new ArrayList<>();
		Map<String, Double> ratios = new TreeMap<>();

		if (only.equals("all") || only.equals("signer")) {
			signer(quick, table, ratios);
		}
		if (only.equals("all") || only.equals("webhook")) {
			webhook(quick, table, ratios);
		}
		if (only.equals("all") || only.equals("overhead")) {
			overhead(quick, table, ratios);
		}
		if (only.equals("all") || only.equals("load")) {
			load(quick, table, ratios);
		}
		if (only.equals("all") || only.equals("startup")) {
			startup(quick, table, ratios);
		}
		if (only.equals("all") || only.equals("standin")) {
			standIn(quick, table, ratios);
		}
		print(table, ratios);
	}

	/**
	 * Return the value of the first {@code --name=value} option with the given prefix.
	 */
	private static Optional<String> option(List<String> options, String prefix) {
		return options.stream()
			.filter((option) -> option.startsWith(prefix))
			.map((option) -> option.substring(prefix.length()))
			.findFirst();
	}

	private static void signer(boolean quick, List<String> table, Map<String, Double> ratios) throws RunnerException {
		Map<String, double[]> signer = jmh(SignerBenchmark.class, quick ? 1 : 3, quick);
		double[] signGet = signer.get("signGet");
		double[] rawGet = signer.get("rawGet");
		double[] signPost = signer.get("signPost1Kb");
		double[] rawPost = signer.get("rawPost1Kb");
		table.add(row("signer GET (ns/op, B/op)", fmt(signGet), fmt(rawGet), signGet[0] / rawGet[0], "<= 1.5"));
		table.add(
				row("signer POST 1 KB (ns/op, B/op)", fmt(signPost), fmt(rawPost), signPost[0] / rawPost[0], "<= 1.5"));
		ratios.put("signer_vs_raw_hmac", signGet[0] / rawGet[0]);
		ratios.put("signer_vs_raw_hmac_post_1kb", signPost[0] / rawPost[0]);
	}

	private static void webhook(boolean quick, List<String> table, Map<String, Double> ratios) throws RunnerException {
		Map<String, double[]> webhook = jmh(WebhookVerifierBenchmark.class, quick ? 1 : 3, quick);
		double[] verify = webhook.get("verify");
		double[] raw = webhook.get("rawHmac");
		table.add(row("webhook verify 2 KB (ns/op, B/op)", fmt(verify), fmt(raw), verify[0] / raw[0], "<= 1.5"));
		ratios.put("webhook_verify_vs_raw_hmac", verify[0] / raw[0]);
	}

	private static void overhead(boolean quick, List<String> table, Map<String, Double> ratios) throws RunnerException {
		Map<String, double[]> overhead = jmh(ClientOverheadBenchmark.class, quick ? 2 : 10, quick);
		double[] client = overhead.get("client");
		double[] bare = overhead.get("bare");
		table.add(
				row("getSession without network (ns/op, B/op)", fmt(client), fmt(bare), client[0] / bare[0], "(cost)"));
		ratios.put("client_overhead_without_network", client[0] / bare[0]);
	}

	private static void load(boolean quick, List<String> table, Map<String, Double> ratios) {
		ThroughputBenchmark.Results load = new ThroughputBenchmark(quick ? 4000 : 8000, quick ? 1 : 6, quick ? 1 : 30,
				quick ? 3 : MEASURED_CYCLES)
			.run();
		if (System.getProperty(ThroughputBenchmark.SERIES_PROPERTY) != null) {
			table
				.add(row("load of one client only, for a profiler: " + load.reactive().name(), "", "", Double.NaN, ""));
			return;
		}
		double client = load.reactive().medianThroughput();
		double bare = load.bare().medianThroughput();
		double blocking = load.blocking().medianThroughput();
		double clientVsBare = load.reactive().pairedRatio(load.bare());
		double blockingVsReactive = load.blocking().pairedRatio(load.reactive());
		table.add(row("getSession req/s: client vs bare WebClient", num(client), num(bare), clientVsBare, ">= 0.85"));
		double[] perCycle = load.reactive().pairedRatios(load.bare());
		table.add(row("client vs bare: ratio per cycle, middle half of " + perCycle.length + " cycles", String
			.format(Locale.ROOT, "%.3f to %.3f", perCycle[perCycle.length / 4], perCycle[(3 * perCycle.length) / 4]),
				"", Double.NaN, ""));
		table.add(row("getSession req/s: " + load.blocking().name() + " vs reactive", num(blocking), num(client),
				blockingVsReactive, ">= 0.80"));
		table.add(row("CPU per request (us, whole process): client vs bare WebClient",
				String.format(Locale.ROOT, "%.1f", load.reactive().medianCpuMicrosPerRequest()),
				String.format(Locale.ROOT, "%.1f", load.bare().medianCpuMicrosPerRequest()),
				load.reactive().medianCpuMicrosPerRequest() / load.bare().medianCpuMicrosPerRequest(), "(cost)"));
		for (ThroughputBenchmark.Series series : List.of(load.reactive(), load.bare(), load.blocking())) {
			table.add(row("latency p50 / p99 (ms): " + series.name(),
					String.format(Locale.ROOT, "%.2f / %.2f", series.percentileMillis(50), series.percentileMillis(99)),
					"", Double.NaN, ""));
		}
		table.add(row("JIT: warm-up cycles, compiling share of measured time", load.warmup().cycles() + " cycles",
				String.format(Locale.ROOT, "%.1f%%", load.warmup().measuredCompileSharePercent()), Double.NaN, ""));
		ratios.put("client_vs_bare_webclient", clientVsBare);
		ratios.put("blocking_vs_reactive", blockingVsReactive);
	}

	private static void print(List<String> table, Map<String, Double> ratios) {
		System.out.println();
		System.out.println(String.format(Locale.ROOT, "%-62s %-24s %-24s %-7s %s", "figure", "measured",
				"compared with", "ratio", "goal"));
		table.forEach(System.out::println);
		System.out.println();
		System.out
			.println("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
					+ " cores, concurrency " + ThroughputBenchmark.CONCURRENCY);
		ratios.forEach((name, value) -> System.out.println(String.format(Locale.ROOT, "RATIO %s %.3f", name, value)));
	}

	private static Map<String, double[]> jmh(Class<?> benchmark, int warmupSeconds, boolean quick)
			throws RunnerException {
		Collection<RunResult> results = new Runner(new OptionsBuilder().include(benchmark.getName() + "\\.")
			.forks(1)
			.warmupIterations(warmupSeconds)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(quick ? 2 : 5)
			.measurementTime(TimeValue.seconds(1))
			.timeUnit(TimeUnit.NANOSECONDS)
			.addProfiler(GCProfiler.class)
			.build()).run();
		Map<String, double[]> scores = new TreeMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
			scores.put(name, new double[] { result.getPrimaryResult().getScore(),
					(alloc != null) ? alloc.getScore() : Double.NaN });
		}
		return scores;
	}

	private static void startup(boolean quick, List<String> table, Map<String, Double> ratios)
			throws IOException, InterruptedException {
		StartupBenchmark.Results startup = new StartupBenchmark(quick ? 3 : STARTUP_PAIRS).run();
		double overhead = startup.pairedRatio(50);
		table.add(row("context start (ms): with starter vs without", num(startup.medianWith()),
				num(startup.medianWithout()), overhead, "<= 1.05"));
		table.add(row("context start: ratio per pair, middle half of " + startup.pairs() + " pairs",
				String.format(Locale.ROOT, "%.3f to %.3f", startup.pairedRatio(25), startup.pairedRatio(75)), "",
				Double.NaN, ""));
		table.add(row("with the starter: client made at its first injection (ms)", num(startup.medianClientMade()), "",
				Double.NaN, ""));
		ratios.put("startup_overhead", overhead);
	}

	private static void standIn(boolean quick, List<String> table, Map<String, Double> ratios)
			throws IOException, InterruptedException {
		StartupBenchmark.Results start = new StandInStartBenchmark(quick ? 3 : STANDIN_PAIRS).run();
		double ratio = start.pairedRatio(50);
		table.add(row("first answer (ms, fresh JVM): stand-in vs WireMock", num(start.medianWith()),
				num(start.medianWithout()), ratio, "<= 0.5"));
		table.add(row("first answer: ratio per pair, middle half of " + start.pairs() + " pairs",
				String.format(Locale.ROOT, "%.3f to %.3f", start.pairedRatio(25), start.pairedRatio(75)), "",
				Double.NaN, ""));
		ratios.put("standin_start_vs_wiremock_start", ratio);
	}

	private static String row(String figure, String measured, String baseline, double ratio, String goal) {
		return String.format(Locale.ROOT, "%-62s %-24s %-24s %-7s %s", figure, measured, baseline,
				Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.3f", ratio), goal);
	}

	private static String fmt(double[] score) {
		return String.format(Locale.ROOT, "%.0f ns, %.0f B", score[0], score[1]);
	}

	private static String num(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

}
