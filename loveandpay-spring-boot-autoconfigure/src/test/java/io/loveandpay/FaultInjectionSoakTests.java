package io.loveandpay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.client.LoveandpayTransportException;
import io.loveandpay.kyc.CreateKycSessionRequest;
import io.loveandpay.kyc.KycSessionQuery;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.Fixtures;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.SignatureCheck;
import io.loveandpay.testsupport.TestClients;
import io.netty.util.ResourceLeakDetector;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability checklist, row 33: a bounded soak of reads, creates and lists through
 * the auto-configured client, against a real local server that answers a few percent of
 * them with a fault. Each call's fault is drawn up front from a seeded random and reaches
 * the server through what the call sends (the session id, the {@code customerId}, the
 * offset), so every outcome is checked against its fault and against what reached the
 * wire; afterwards the pool, the threads and the heap must be as they were.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionSoakTests {

	private static final long SEED = 33;

	private static final int CALLS = 2400;

	private static final int WARM_UP = 300;

	private static final int PRIMING = 150;

	private static final int CONCURRENCY = 16;

	private static final int FAULT_PERCENT = 5;

	private static final int MAX_ATTEMPTS = 4;

	private static final int MAX_CONNECTIONS = 8;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);

	private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);

	/**
	 * Timer ticks, scheduling and GC on a busy machine (the leak detector is paranoid);
	 * far below what a call that waited for a slow answer takes. How close a call ends to
	 * its deadline is measured on virtual time in {@code CallTimingTests}.
	 */
	private static final Duration DEADLINE_MARGIN = Duration.ofMillis(1000);

	private static final int MAX_RESPONSE_SIZE = 4 * 1024;

	private static final int SLOW_MILLIS = 4000;

	private static final int[] REDIRECTS = { 301, 302, 303, 307, 308 };

	private static final int THREAD_GROWTH = 4;

	private static final long HEAP_GROWTH = 32L * 1024 * 1024;

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String SESSIONS = "/api/v2/kyc/sessions";

	private static final String REDIRECTED = "/redirected/";

	private static final UUID BARRIER_ID = Fixtures.id(999_999);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Barrier barrier = new Barrier(RESPONSE_TIMEOUT.minusMillis(50));

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(100).extensions(barrier))
		.build();

	/** Attempts the client made, as its innermost customizable filter saw them. */
	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	@Test
	void soakWithInjectedFaultsFailsOnlyWithTypedErrorsAndNeverSendsACreateTwice(CapturedOutput output) {
		List<Plan> plans = plans();
		stubAnswers();
		plans.forEach(FaultInjectionSoakTests::stubFault);
		ResourceLeakDetector.Level leakDetection = ResourceLeakDetector.getLevel();
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		try {
			runner().run((context) -> {
				assertThat(context).hasNotFailed();
				KycSessionService service = context.getBean(KycSessionService.class);
				prime(service);
				assertOutcomes(soak(service, plans.subList(0, WARM_UP)));
				List<String> threadsAfterWarmUp = clientThreads();
				long heapAfterWarmUp = usedHeapAfterGc();
				assertOutcomes(soak(service, plans.subList(WARM_UP, CALLS)));
				long heapAfterSoak = usedHeapAfterGc();
				// Netty reports a buffer collected unreleased when buffers are next
				// allocated: these calls, after the GC.
				assertEveryConnectionIsBackInThePool(service);
				List<String> threadsAfterSoak = clientThreads();
				assertThat(threadsAfterSoak.size())
					.as("threads after the soak %s, after the warm-up %s", threadsAfterSoak, threadsAfterWarmUp)
					.isLessThanOrEqualTo(threadsAfterWarmUp.size() + THREAD_GROWTH);
				assertThat(heapAfterSoak - heapAfterWarmUp).as("heap growth in bytes, after a full GC")
					.isLessThan(HEAP_GROWTH);
			});
		}
		finally {
			ResourceLeakDetector.setLevel(leakDetection);
		}
		assertThat(output).as("Netty's leak detector").doesNotContain("LEAK:");
		assertThat(Leaks.findIn(output.toString())).isEmpty();
	}

	private ApplicationContextRunner runner() {
		ExchangeFilterFunction counting = (request, next) -> {
			this.attempts.computeIfAbsent(key(request), (key) -> new AtomicInteger()).incrementAndGet();
			return next.exchange(request);
		};
		return LoveandpayRunners.onServer(server.baseUrl(), counting)
			.withPropertyValues("loveandpay.response-timeout=" + RESPONSE_TIMEOUT.toMillis() + "ms",
					"loveandpay.call-timeout=" + CALL_TIMEOUT.toMillis() + "ms",
					"loveandpay.max-response-size=" + MAX_RESPONSE_SIZE + "B",
					"loveandpay.retry.max-attempts=" + MAX_ATTEMPTS, "loveandpay.retry.initial-backoff=5ms",
					"loveandpay.retry.max-backoff=50ms", "loveandpay.pool.max-connections=" + MAX_CONNECTIONS,
					"loveandpay.pool.acquire-timeout=200ms",
					// The soak counts what the client sends for each call alone; the
					// reads that look for a lost create are tested in
					// CreateRecoveryTests.
					"loveandpay.kyc.create-recovery=false",
					// Thousands of calls in seconds: the request quota is tested in
					// RequestQuotaTests.
					"loveandpay.quota.enabled=false");
	}

	/**
	 * Every combination of call and fault first, so that the warm-up meets them all, then
	 * a seeded draw: most calls answered, a few with a fault.
	 */
	private static List<Plan> plans() {
		List<Plan> plans = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			for (Injected injected : Injected.values()) {
				plans.add(new Plan(plans.size(), kind, injected));
			}
		}
		Random random = new Random(SEED);
		Injected[] faults = Injected.values();
		while (plans.size() < CALLS) {
			int draw = random.nextInt(100);
			Kind kind = (draw < 20) ? Kind.CREATE : (draw < 30) ? Kind.LIST : Kind.GET;
			Injected injected = (random.nextInt(100) < FAULT_PERCENT) ? faults[1 + random.nextInt(faults.length - 1)]
					: Injected.NONE;
			plans.add(new Plan(plans.size(), kind, injected));
		}
		return plans;
	}

	private static void stubAnswers() {
		server.stubFor(get(urlPathMatching(SESSIONS + "/[^/]+")).atPriority(10).willReturn(answer(Kind.GET)));
		server.stubFor(get(urlPathEqualTo(SESSIONS)).atPriority(10).willReturn(answer(Kind.LIST)));
		server.stubFor(post(urlPathEqualTo(SESSIONS)).atPriority(10).willReturn(answer(Kind.CREATE)));
		server.stubFor(any(urlPathMatching(REDIRECTED + ".*")).willReturn(answer(Kind.GET)));
		server.stubFor(get(urlPathEqualTo(SESSIONS + "/" + BARRIER_ID)).atPriority(1)
			.willReturn(answer(Kind.GET).withTransformers(Barrier.NAME)));
	}

	private static void stubFault(Plan plan) {
		if (plan.injected() == Injected.NONE) {
			return;
		}
		MappingBuilder stub = matching(plan).atPriority(1);
		if (plan.injected().thenAnswered) {
			stub.inScenario(plan.key()).whenScenarioStateIs(STARTED).willSetStateTo("answered");
		}
		server.stubFor(stub.willReturn(fault(plan)));
	}

	private static MappingBuilder matching(Plan plan) {
		return switch (plan.kind()) {
			case GET -> get(urlPathEqualTo(SESSIONS + "/" + plan.id()));
			case CREATE -> post(urlPathEqualTo(SESSIONS))
				.withRequestBody(matchingJsonPath("$.customerId", equalTo(plan.customerId())));
			case LIST -> get(urlPathEqualTo(SESSIONS)).withQueryParam("offset", equalTo(plan.offset()));
		};
	}

	private static ResponseDefinitionBuilder answer(Kind kind) {
		return switch (kind) {
			case GET -> json(200, Fixtures.resource("session-approved.json"));
			case CREATE -> json(201, Fixtures.resource("session-created.json"));
			// Without an offset, the page is for whichever offset each plan asks.
			case LIST -> json(200, Fixtures.page(List.of(Fixtures.APPROVED_ID), 1, 10, 0).replace("\"offset\":0,", ""));
		};
	}

	private static ResponseDefinitionBuilder fault(Plan plan) {
		boolean even = plan.index() % 2 == 0;
		int status = (plan.kind() == Kind.CREATE) ? 201 : 200;
		String body = Fixtures.resource("session-approved.json");
		return switch (plan.injected()) {
			case NONE -> answer(plan.kind());
			case UNAVAILABLE, UNAVAILABLE_THEN_ANSWERED ->
				json(503, "{\"success\":false,\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"Try again\"}}");
			case RATE_LIMITED ->
				json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}").withHeader("Retry-After", even ? "0" : "1");
			case RATE_LIMITED_THEN_ANSWERED ->
				json(429, "{\"error\":\"RATE_LIMIT_EXCEEDED\"}").withHeader("Retry-After", "0");
			case SLOW -> answer(plan.kind()).withFixedDelay(SLOW_MILLIS);
			case RESET -> aResponse().withFault(even ? Fault.CONNECTION_RESET_BY_PEER : Fault.EMPTY_RESPONSE);
			case TRUNCATED -> even ? aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)
					: json(status, body.substring(0, body.length() / 2));
			case OVERSIZED -> json(status, body.replace("\"someFutureField\"",
					"\"pad\":\"" + "x".repeat(4 * MAX_RESPONSE_SIZE) + "\",\"someFutureField\""));
			case REDIRECT -> aResponse().withStatus(REDIRECTS[plan.index() % REDIRECTS.length])
				.withHeader("Location", server.baseUrl() + REDIRECTED + plan.index());
		};
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/**
	 * Answered calls, few at a time, so that the JVM has loaded and compiled the call
	 * path before calls at full concurrency are held to timeouts this short.
	 */
	private void prime(KycSessionService service) {
		List<Plan> plans = new ArrayList<>();
		for (int i = 0; i < PRIMING; i++) {
			plans.add(new Plan(CALLS + i, Kind.values()[i % Kind.values().length], Injected.NONE));
		}
		List<Outcome> outcomes = Flux.fromIterable(plans)
			.flatMap((plan) -> call(service, plan), 4)
			.collectList()
			.block(WAIT);
		for (Outcome outcome : outcomes) {
			if (outcome.failure() != null) {
				assertThat(outcome.failure()).isInstanceOf(LoveandpayException.class);
			}
		}
		server.resetRequests();
		this.attempts.clear();
	}

	private static List<Outcome> soak(KycSessionService service, List<Plan> plans) {
		return Flux.fromIterable(plans).flatMap((plan) -> call(service, plan), CONCURRENCY).collectList().block(WAIT);
	}

	private static Mono<Outcome> call(KycSessionService service, Plan plan) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return send(service, plan).map((answer) -> new Outcome(plan, System.nanoTime() - start, null))
				.switchIfEmpty(Mono.fromSupplier(() -> new Outcome(plan, System.nanoTime() - start,
						new IllegalStateException("completed without a value"))))
				.onErrorResume((ex) -> Mono.just(new Outcome(plan, System.nanoTime() - start, ex)));
		});
	}

	private static Mono<?> send(KycSessionService service, Plan plan) {
		return switch (plan.kind()) {
			case GET -> service.getSession(plan.id());
			case CREATE ->
				service.createSession(CreateKycSessionRequest.builder().customerId(plan.customerId()).build());
			case LIST -> service.listSessions(KycSessionQuery.builder().limit(10).offset(plan.index()).build());
		};
	}

	/**
	 * Check each call's outcome against its fault and what reached the wire, then forget
	 * the requests.
	 */
	private void assertOutcomes(List<Outcome> outcomes) {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		Map<String, Integer> onTheWire = new HashMap<>();
		for (LoggedRequest request : requests) {
			SignatureCheck.assertSigned(request, TestClients.API_KEY, TestClients.SECRET_KEY);
			onTheWire.merge(key(request), 1, Integer::sum);
		}
		Set<String> planned = outcomes.stream().map((outcome) -> outcome.plan().key()).collect(Collectors.toSet());
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(server.findAll(anyRequestedFor(urlPathMatching(REDIRECTED + ".*"))))
			.as("requests that followed a redirect")
			.isEmpty();
		softly.assertThat(onTheWire.keySet()).as("requests on the wire that no call made").isSubsetOf(planned);
		int createsSent = 0;
		int asPlanned = 0;
		for (Outcome outcome : outcomes) {
			Plan plan = outcome.plan();
			Throwable failure = outcome.failure();
			int sent = onTheWire.getOrDefault(plan.key(), 0);
			softly.assertThat(outcome.took())
				.as("time taken by %s", plan)
				.isLessThanOrEqualTo(CALL_TIMEOUT.plus(DEADLINE_MARGIN));
			if (failure != null) {
				softly.assertThat(failure).as("failure of %s", plan).isInstanceOf(LoveandpayException.class);
				Leaks.assertClean(failure);
			}
			if (plan.endedAsPlanned(failure)) {
				asPlanned++;
			}
			else {
				softly.assertThat(failure)
					.as("%s, planned to end with %s: only a busy machine's timeouts may explain otherwise", plan,
							plan.expectedFailures())
					.isInstanceOfAny(plan.busyMachineFailures());
			}
			if (plan.kind() == Kind.CREATE) {
				createsSent += sent;
				boolean notSent = failure instanceof LoveandpayTransportException;
				softly.assertThat(sent)
					.as("POSTs on the wire for %s, which %s", plan, outcomeOf(failure))
					.isEqualTo(notSent ? 0 : 1);
			}
			else {
				int made = this.attempts.getOrDefault(plan.key(), new AtomicInteger()).get();
				softly.assertThat(made).as("attempts of %s", plan).isBetween(sent, MAX_ATTEMPTS);
				if (plan.injected().thenAnswered && failure == null) {
					softly.assertThat(sent).as("requests on the wire for %s", plan).isBetween(2, MAX_ATTEMPTS);
				}
			}
		}
		softly.assertThat(asPlanned)
			.as("calls that ended as planned, of %d; the others timed out", outcomes.size())
			.isGreaterThan(outcomes.size() / 2);
		softly.assertThat(this.attempts.getOrDefault("create", new AtomicInteger()).get())
			.as("attempts of creates")
			.isGreaterThanOrEqualTo(createsSent);
		softly.assertAll();
		server.resetRequests();
		this.attempts.clear();
	}

	private static String outcomeOf(Throwable failure) {
		return (failure != null) ? "failed with " + failure.getClass().getSimpleName() : "succeeded";
	}

	/**
	 * As many calls at once as the pool has connections, held by the server until all of
	 * them are there: a connection that the soak never gave back leaves one short.
	 */
	private static void assertEveryConnectionIsBackInThePool(KycSessionService service) {
		barrier.expect(MAX_CONNECTIONS);
		List<Throwable> failures = Flux.range(0, MAX_CONNECTIONS)
			.flatMap((i) -> service.getSession(BARRIER_ID).then(Mono.<Throwable>empty()).onErrorResume(Mono::just),
					MAX_CONNECTIONS)
			.collectList()
			.block(WAIT);
		assertThat(failures).isEmpty();
		assertThat(barrier.mostAtOnce())
			.as("requests answered at once through a pool of %d connections", MAX_CONNECTIONS)
			.isEqualTo(MAX_CONNECTIONS);
	}

	/**
	 * Live threads of this JVM but the server's.
	 */
	private static List<String> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("qtp"))
			.sorted()
			.toList();
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.gc();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static String key(ClientRequest request) {
		String path = request.url().getRawPath();
		if ("POST".equals(request.method().name())) {
			return "create";
		}
		if (path.equals(SESSIONS)) {
			return "list " + UriComponentsBuilder.fromUri(request.url()).build().getQueryParams().getFirst("offset");
		}
		return "get " + path.substring(path.lastIndexOf('/') + 1);
	}

	private static String key(LoggedRequest request) {
		String path = SignatureCheck.rawPath(request);
		if (request.getMethod().equals(RequestMethod.POST) && path.equals(SESSIONS)) {
			return "create " + JSON.readTree(request.getBody()).path("customerId").asString();
		}
		if (request.getMethod().equals(RequestMethod.GET) && path.equals(SESSIONS)) {
			return "list " + request.queryParameter("offset").firstValue();
		}
		if (request.getMethod().equals(RequestMethod.GET) && path.startsWith(SESSIONS + "/")) {
			return "get " + path.substring(SESSIONS.length() + 1);
		}
		return request.getMethod() + " " + path;
	}

	/**
	 * A call of the soak.
	 */
	enum Kind {

		GET, CREATE, LIST

	}

	/**
	 * What the server answers a call with.
	 */
	enum Injected {

		NONE(false), UNAVAILABLE(false), UNAVAILABLE_THEN_ANSWERED(true), RATE_LIMITED(false),
		RATE_LIMITED_THEN_ANSWERED(true), SLOW(false), RESET(false), TRUNCATED(false), OVERSIZED(false),
		REDIRECT(false);

		final boolean thenAnswered;

		Injected(boolean thenAnswered) {
			this.thenAnswered = thenAnswered;
		}

	}

	/**
	 * One call of the soak and the fault it meets.
	 */
	record Plan(int index, Kind kind, Injected injected) {

		UUID id() {
			return Fixtures.id(this.index);
		}

		String customerId() {
			return "soak-" + this.index;
		}

		String offset() {
			return Integer.toString(this.index);
		}

		String key() {
			return switch (this.kind) {
				case GET -> "get " + id();
				case CREATE -> "create " + customerId();
				case LIST -> "list " + offset();
			};
		}

		/**
		 * Return what the call may fail with: nothing when it must succeed. A create is
		 * never retried, and one that may have reached the provider without a complete
		 * answer has an unknown outcome.
		 */
		List<Class<? extends LoveandpayException>> expectedFailures() {
			boolean create = this.kind == Kind.CREATE;
			return switch (this.injected) {
				case NONE -> List.of();
				case UNAVAILABLE -> List.of(LoveandpayServerException.class);
				case UNAVAILABLE_THEN_ANSWERED -> create ? List.of(LoveandpayServerException.class) : List.of();
				case RATE_LIMITED -> List.of(LoveandpayRateLimitException.class);
				case RATE_LIMITED_THEN_ANSWERED -> create ? List.of(LoveandpayRateLimitException.class) : List.of();
				case SLOW -> create ? List.of(LoveandpayOutcomeUnknownException.class)
						: List.of(LoveandpayTimeoutException.class);
				case RESET -> create ? List.of(LoveandpayOutcomeUnknownException.class)
						: List.of(LoveandpayTransportException.class);
				case TRUNCATED, OVERSIZED -> create ? List.of(LoveandpayOutcomeUnknownException.class)
						: List.of(LoveandpayTransportException.class, LoveandpayProtocolException.class);
				case REDIRECT -> List.of(LoveandpayProtocolException.class);
			};
		}

		boolean endedAsPlanned(Throwable failure) {
			List<Class<? extends LoveandpayException>> expected = expectedFailures();
			return expected.isEmpty() ? failure == null
					: expected.stream().anyMatch((type) -> type.isInstance(failure));
		}

		/**
		 * Return what the call fails with when a busy machine makes it time out: a create
		 * that may have been sent has an unknown outcome.
		 */
		/**
		 * What a call may end with instead of its plan when the machine is too busy to
		 * answer within the attempt's timeout: the timeout, or for a read, the transport
		 * error of a later attempt on a connection that an earlier one's timeout closed.
		 */
		Class<?>[] busyMachineFailures() {
			return (this.kind == Kind.CREATE)
					? new Class<?>[] { LoveandpayTimeoutException.class, LoveandpayOutcomeUnknownException.class }
					: new Class<?>[] { LoveandpayTransportException.class };
		}

		@Override
		public String toString() {
			return "call " + this.index + " (" + this.kind + ", " + this.injected + ")";
		}

	}

	/**
	 * How a call ended and how long it took.
	 */
	record Outcome(Plan plan, long nanos, Throwable failure) {

		Duration took() {
			return Duration.ofNanos(this.nanos);
		}

	}

	/**
	 * Holds each request it answers until the expected number are held at once, or a time
	 * limit passes, and records the most it held at once.
	 */
	static final class Barrier implements ResponseDefinitionTransformerV2 {

		static final String NAME = "barrier";

		private final Duration limit;

		private final AtomicInteger held = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		private volatile int expected = 1;

		Barrier(Duration limit) {
			this.limit = limit;
		}

		void expect(int expected) {
			this.mostAtOnce.set(0);
			this.expected = expected;
		}

		int mostAtOnce() {
			return this.mostAtOnce.get();
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.mostAtOnce.accumulateAndGet(this.held.incrementAndGet(), Math::max);
			try {
				synchronized (this) {
					notifyAll();
					long end = System.nanoTime() + this.limit.toNanos();
					long left = this.limit.toNanos();
					while (this.mostAtOnce.get() < this.expected && left > 0) {
						TimeUnit.NANOSECONDS.timedWait(this, left);
						left = end - System.nanoTime();
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.held.decrementAndGet();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}
