package io.loveandpay.benchmarks;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A load driver: the client's {@code getSession} (reactive and blocking) against a bare
 * {@link WebClient} from the same Boot builder and connector, without a filter, decoding
 * the same JSON to the same record, all against one local stub, in interleaved rounds
 * after a warm-up, at a concurrency of {@value #CONCURRENCY}.
 */
final class ThroughputBenchmark {

	static final int CONCURRENCY = 64;

	/**
	 * Set to {@code client} or {@code bare} to drive one client only, under a profiler.
	 */
	static final String SERIES_PROPERTY = "loveandpay.benchmarks.series";

	private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

	private final int requestsPerRound;

	private final int minWarmupCycles;

	private final int maxWarmupCycles;

	private final int measuredCycles;

	ThroughputBenchmark(int requestsPerRound, int minWarmupCycles, int maxWarmupCycles, int measuredCycles) {
		this.requestsPerRound = requestsPerRound;
		this.minWarmupCycles = minWarmupCycles;
		this.maxWarmupCycles = maxWarmupCycles;
		this.measuredCycles = measuredCycles;
	}

	Results run() {
		try (SessionStub stub = new SessionStub();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
					.web(WebApplicationType.NONE)
					.logStartupInfo(false)
					.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
							"loveandpay.api-key=pk_test_benchmark_public_key",
							"loveandpay.secret-key=sk_test_benchmark_secret_key_0123",
							"loveandpay.base-url=" + stub.baseUrl(), "loveandpay.pool.max-connections=" + CONCURRENCY,
							// the quota holds the client to the account's 100 requests a
							// minute
							"loveandpay.quota.enabled=false")
					.run()) {
			KycSessionService service = context.getBean(KycSessionService.class);
			ConnectionProvider barePool = ConnectionProvider.builder("bare")
				.maxConnections(CONCURRENCY)
				.maxIdleTime(Duration.ofSeconds(20))
				.build();
			try {
				// Boot's builder and Boot's connector with its defaults (gzip accepted,
				// as
				// the client's connector has), on a pool as large as the client's.
				WebClient bare = context.getBean(WebClient.Builder.class)
					.baseUrl(stub.baseUrl() + "/api/v2")
					.clientConnector(ClientHttpConnectorBuilder.reactor()
						.withHttpClientFactory(() -> HttpClient.create(barePool))
						.build())
					.build();
				Supplier<Mono<KycSession>> client = () -> service.getSession(ID);
				Supplier<Mono<KycSession>> baseline = () -> bare.get()
					.uri("/kyc/sessions/{id}", ID)
					.retrieve()
					.bodyToMono(BareEnvelope.class)
					.map(BareEnvelope::session);
				String only = System.getProperty(SERIES_PROPERTY, "all");
				if (!only.equals("all")) {
					for (int cycle = 0; cycle < this.maxWarmupCycles + this.measuredCycles; cycle++) {
						reactiveRound(only.equals("bare") ? baseline : client);
					}
					return new Results(new Series(only), new Series(only), new Series(only), new Warmup(0, 0));
				}
				Series reactive = new Series("client (reactive)");
				Series bareSeries = new Series("bare WebClient");
				Series blocking = new Series("client (blocking, " + BlockingThreads.kind() + ")");
				ExecutorService threads = BlockingThreads.create();
				RoundProfiler profiler = RoundProfiler.fromSystemProperty();
				Warmup warmup = new Warmup(this.minWarmupCycles, this.maxWarmupCycles);
				try {
					int measuredSoFar = 0;
					for (int cycle = 0; measuredSoFar < this.measuredCycles; cycle++) {
						boolean measured = warmup.done();
						List<Runnable> rounds = new ArrayList<>(List.of(
								() -> reactive.add(profiled(profiler, measured, "client", () -> reactiveRound(client)),
										measured),
								() -> bareSeries
									.add(profiled(profiler, measured, "bare", () -> reactiveRound(baseline)), measured),
								() -> blocking.add(blockingRound(service, threads), measured)));
						if (cycle % 2 == 1) {
							java.util.Collections.reverse(rounds);
						}
						long compiling = compilationMillis();
						long start = System.nanoTime();
						rounds.forEach(Runnable::run);
						warmup.cycleEnded(compilationMillis() - compiling, (System.nanoTime() - start) / 1_000_000);
						measuredSoFar += measured ? 1 : 0;
					}
				}
				finally {
					threads.shutdownNow();
				}
				return new Results(reactive, bareSeries, blocking, warmup);
			}
			finally {
				barePool.dispose();
			}
		}
	}

	private static Round profiled(@Nullable RoundProfiler profiler, boolean measured, String series,
			Supplier<Round> round) {
		return (profiler != null && measured) ? profiler.profile(series, round) : round.get();
	}

	private Round reactiveRound(Supplier<Mono<KycSession>> call) {
		int n = this.requestsPerRound;
		long[] latencies = new long[n];
		long cpu = cpuNanos();
		long start = System.nanoTime();
		Flux.range(0, n).flatMap((i) -> {
			long sent = System.nanoTime();
			return call.get().doOnSuccess((session) -> latencies[i] = System.nanoTime() - sent);
		}, CONCURRENCY).then().block(Duration.ofMinutes(2));
		return new Round(n, System.nanoTime() - start, latencies, cpuNanos() - cpu);
	}

	private Round blockingRound(KycSessionService service, ExecutorService threads) {
		int n = this.requestsPerRound;
		long[] latencies = new long[n];
		int share = n / CONCURRENCY;
		long cpu = cpuNanos();
		long start = System.nanoTime();
		List<Future<?>> tasks = new ArrayList<>();
		for (int t = 0; t < CONCURRENCY; t++) {
			int first = t * share;
			tasks.add(threads.submit(() -> {
				for (int i = first; i < first + share; i++) {
					long sent = System.nanoTime();
					service.blocking().getSession(ID);
					latencies[i] = System.nanoTime() - sent;
				}
			}));
		}
		for (Future<?> task : tasks) {
			try {
				task.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new Round(share * CONCURRENCY, System.nanoTime() - start, Arrays.copyOf(latencies, share * CONCURRENCY),
				cpuNanos() - cpu);
	}

	private static long compilationMillis() {
		java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
		return (jit != null && jit.isCompilationTimeMonitoringSupported()) ? jit.getTotalCompilationTime() : 0;
	}

	private static long cpuNanos() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		return (os instanceof com.sun.management.OperatingSystemMXBean sun) ? sun.getProcessCpuTime() : 0;
	}

	/**
	 * The bare client's view of the answer, decoded to the same session record.
	 */
	record BareEnvelope(@Nullable Boolean success, KycSession session) {

	}

	/**
	 * One round of one client.
	 */
	record Round(int requests, long nanos, long[] latencies, long cpuNanos) {

		double throughput() {
			return this.requests / (this.nanos / 1e9);
		}

		double cpuMicrosPerRequest() {
			return this.cpuNanos / 1e3 / this.requests;
		}

	}

	/**
	 * The measured rounds of one client.
	 */
	static final class Series {

		private final String name;

		private final List<Round> rounds = new ArrayList<>();

		Series(String name) {
			this.name = name;
		}

		void add(Round round, boolean measured) {
			if (measured) {
				this.rounds.add(round);
			}
		}

		String name() {
			return this.name;
		}

		double medianThroughput() {
			double[] values = this.rounds.stream().mapToDouble(Round::throughput).sorted().toArray();
			return values[values.length / 2];
		}

		/**
		 * Return the median, over the measured cycles, of this series' throughput divided
		 * by the other's in the same cycle: rounds run next to each other see the same
		 * machine.
		 */
		double pairedRatio(Series other) {
			double[] ratios = pairedRatios(other);
			return ratios[ratios.length / 2];
		}

		/**
		 * Return this series' throughput divided by the other's in the same cycle, for
		 * every measured cycle, sorted.
		 */
		double[] pairedRatios(Series other) {
			double[] ratios = new double[this.rounds.size()];
			for (int i = 0; i < ratios.length; i++) {
				ratios[i] = this.rounds.get(i).throughput() / other.rounds.get(i).throughput();
			}
			java.util.Arrays.sort(ratios);
			return ratios;
		}

		double medianCpuMicrosPerRequest() {
			double[] values = this.rounds.stream().mapToDouble(Round::cpuMicrosPerRequest).sorted().toArray();
			return values[values.length / 2];
		}

		double percentileMillis(double percentile) {
			long[] all = this.rounds.stream()
				.flatMapToLong((round) -> Arrays.stream(round.latencies()))
				.sorted()
				.toArray();
			return all[(int) Math.min(all.length - 1, Math.ceil(percentile / 100.0 * all.length) - 1)] / 1e6;
		}

	}

	/**
	 * What the rounds measured.
	 */
	record Results(Series reactive, Series bare, Series blocking, Warmup warmup) {

	}

	/**
	 * Decides when the JIT is warm: after at least the minimum number of cycles, once two
	 * cycles in a row spent less than {@value #QUIET_SHARE_PERCENT}% of their time
	 * compiling (or after the maximum number of cycles). Measured cycles are the same
	 * code as warm-up cycles, so a cycle that still compiles would charge the compiler's
	 * work to whichever client has more code.
	 */
	static final class Warmup {

		static final int QUIET_SHARE_PERCENT = 2;

		private final int minCycles;

		private final int maxCycles;

		private int cycles;

		private int quietCycles;

		private boolean done;

		private final List<Double> measuredCompileShares = new ArrayList<>();

		Warmup(int minCycles, int maxCycles) {
			this.minCycles = minCycles;
			this.maxCycles = maxCycles;
		}

		boolean done() {
			return this.done;
		}

		void cycleEnded(long compileMillis, long wallMillis) {
			double share = 100.0 * compileMillis / Math.max(1, wallMillis);
			if (this.done) {
				this.measuredCompileShares.add(share);
				return;
			}
			this.cycles++;
			this.quietCycles = (share < QUIET_SHARE_PERCENT) ? this.quietCycles + 1 : 0;
			this.done = this.cycles >= this.maxCycles || (this.cycles >= this.minCycles && this.quietCycles >= 2);
		}

		int cycles() {
			return this.cycles;
		}

		/**
		 * Return the share of the measured cycles' time that the JIT spent compiling.
		 * @return percent
		 */
		double measuredCompileSharePercent() {
			return this.measuredCompileShares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		}

	}

	/**
	 * Virtual threads where the JVM has them, platform threads otherwise.
	 */
	static final class BlockingThreads {

		private BlockingThreads() {
		}

		static @Nullable Method virtualThreadFactory() {
			try {
				return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

		static String kind() {
			return (virtualThreadFactory() != null) ? "64 virtual threads" : "64 platform threads";
		}

		static ExecutorService create() {
			Method factory = virtualThreadFactory();
			if (factory != null) {
				try {
					return (ExecutorService) factory.invoke(null);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return Executors.newFixedThreadPool(CONCURRENCY);
		}

	}

}
