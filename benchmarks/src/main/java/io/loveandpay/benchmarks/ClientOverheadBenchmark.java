package io.loveandpay.benchmarks;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;

import io.loveandpay.autoconfigure.LoveandpayWebClientCustomizer;
import io.loveandpay.kyc.KycSession;
import io.loveandpay.kyc.KycSessionService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the client adds to one {@code getSession} on the calling thread, without a
 * network: both clients run on the same in-memory connector that answers with the
 * documented session at once, so the difference is the client's own work (signing,
 * timers, retry bookkeeping, decoding) against a bare {@link WebClient} decoding the same
 * JSON to the same record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClientOverheadBenchmark {

	private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ConfigurableApplicationContext context;

	private KycSessionService service;

	private WebClient bare;

	@Setup(Level.Trial)
	public void start() {
		byte[] session = SessionStub.resource("session.json");
		ClientHttpConnector connector = (method, uri, requestCallback) -> {
			MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
			return requestCallback.apply(request).then(Mono.fromSupplier(() -> {
				MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
				response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
				response.setBody(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(session)));
				return response;
			}));
		};
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
					"loveandpay.api-key=pk_test_benchmark_public_key",
					"loveandpay.secret-key=sk_test_benchmark_secret_key_0123", "loveandpay.base-url=http://127.0.0.1:9",
					// the quota holds the client to the account's 100 requests a minute
					"loveandpay.quota.enabled=false")
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("inMemoryConnector",
						(LoveandpayWebClientCustomizer) (builder) -> builder.clientConnector(connector)))
			.run();
		this.service = this.context.getBean(KycSessionService.class);
		this.bare = this.context.getBean(WebClient.Builder.class)
			.baseUrl("http://127.0.0.1:9/api/v2")
			.clientConnector(connector)
			.build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public KycSession client() {
		return this.service.getSession(ID).block(WAIT);
	}

	@Benchmark
	public KycSession bare() {
		return this.bare.get()
			.uri("/kyc/sessions/{id}", ID)
			.retrieve()
			.bodyToMono(ThroughputBenchmark.BareEnvelope.class)
			.map(ThroughputBenchmark.BareEnvelope::session)
			.block(WAIT);
	}

}
