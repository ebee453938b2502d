package io.loveandpay.autoconfigure.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.testsupport.Leaks;
import io.loveandpay.testsupport.RedisServer;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.redis.RedisWebhookDeduplicationStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Tests for several instances sharing one Redis through
 * {@code loveandpay.webhook.deduplication.store=redis}: two application contexts, each
 * with its own Redis connection, against a real {@code redis-server}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisWebhookDeliveryTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final Duration BOUND = Duration.ofSeconds(5);

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void sameEventToTwoInstancesAtOnceRunsTheListenersOnce() throws Exception {
		int rounds = 100;
		runTwoInstances((one, two) -> {
			assertThat(one.send(Webhooks.signed(Webhooks.kycCompleted(eventId("evt_warm_one"))))).isEqualTo(200);
			assertThat(two.send(Webhooks.signed(Webhooks.kycCompleted(eventId("evt_warm_two"))))).isEqualTo(200);
			ExecutorService executor = Executors.newFixedThreadPool(2);
			try {
				CyclicBarrier together = new CyclicBarrier(2);
				for (int round = 0; round < rounds; round++) {
					SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted(eventId("evt_both_" + round)));
					CompletableFuture<Integer> first = CompletableFuture
						.supplyAsync(() -> sendTogether(one, webhook, together), executor);
					CompletableFuture<Integer> second = CompletableFuture
						.supplyAsync(() -> sendTogether(two, webhook, together), executor);
					List<Integer> statuses = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
					assertThat(statuses)
						.as("round %d: one delivers, the other is told it is in progress or done", round)
						.isSubsetOf(200, 409)
						.contains(200);
				}
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(one.received().calls.get() + two.received().calls.get()).isEqualTo(rounds + 2);
			Set<String> delivered = new HashSet<>();
			one.received().events.forEach((event) -> delivered.add(event.eventId()));
			two.received().events.forEach((event) -> delivered.add(event.eventId()));
			assertThat(delivered).hasSize(rounds + 2);
		});
	}

	@Test
	void listenerFailureOnOneInstanceLetsTheRedeliveryToTheOtherSucceed() {
		runTwoInstances((one, two) -> {
			SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted(eventId("evt_fails_on_one")));
			one.received().failuresToThrow.set(1);
			assertThat(one.send(webhook)).isEqualTo(500);
			assertThat(two.send(webhook)).isEqualTo(200);
			assertThat(two.received().events).singleElement()
				.extracting(KycWebhookEvent::eventId)
				.isEqualTo(eventId("evt_fails_on_one"));
			assertThat(one.send(webhook)).as("a duplicate now").isEqualTo(200);
			assertThat(two.send(webhook)).isEqualTo(200);
			assertThat(one.received().calls).hasValue(1);
			assertThat(one.received().events).isEmpty();
			assertThat(two.received().calls).hasValue(1);
		});
	}

	@Test
	void whenRedisStopsDeliveriesAreRefusedWithinABoundAndWorkAgainAfterItRestarts(CapturedOutput output) {
		runTwoInstances((one, two) -> {
			assertThat(one.send(Webhooks.signed(Webhooks.kycCompleted(eventId("evt_before"))))).isEqualTo(200);
			redis.stop();
			try {
				for (int i = 0; i < 3; i++) {
					SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted(eventId("evt_outage_" + i)));
					long started = System.nanoTime();
					assertThat(one.send(webhook)).as("not acknowledged").isEqualTo(503);
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
				}
				assertThat(one.received().calls).hasValue(1);
				assertThat(countOf(output.getAll(),
						"RedisWebhookDeduplicationStore[keyPrefix=loveandpay:webhook:] failed"))
					.as("logged once per outage, not per delivery")
					.isOne();
			}
			finally {
				redis.restart();
			}
			SignedWebhook again = Webhooks.signed(Webhooks.kycCompleted(eventId("evt_outage_0")));
			await().atMost(Duration.ofSeconds(45))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(one.send(again)).isEqualTo(200));
			assertThat(one.received().calls).hasValue(2);
			assertThat(two.send(again)).as("shared again: a duplicate").isEqualTo(200);
			assertThat(two.received().calls).hasValue(0);
			assertThat(output.getAll())
				.contains("RedisWebhookDeduplicationStore[keyPrefix=loveandpay:webhook:] answers again");
			assertThat(Leaks.findIn(output.getAll())).isEmpty();
		});
	}

	@Test
	void aWebFluxInstanceSharesTheStoreAndCallsItOffTheEventLoop() {
		runTwoInstances((servlet, unused) -> new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, LoveandpayWebhookAutoConfiguration.class))
			.withUserConfiguration(Webhooks.Listening.class)
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis")
			.withPropertyValues(redis.properties())
			.run((reactive) -> {
				assertThat(reactive).hasNotFailed().hasSingleBean(RedisWebhookDeduplicationStore.class);
				WebTestClient client = WebTestClient
					.bindToRouterFunction(
							reactive.getBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN, RouterFunction.class))
					.build();
				Webhooks.Received received = reactive.getBean(Webhooks.Received.class);
				SignedWebhook first = Webhooks.signed(Webhooks.kycCompleted(eventId("evt_reactive")));
				Webhooks.send(client, first).expectStatus().isOk();
				assertThat(received.calls).hasValue(1);
				assertThat(received.onNonBlockingThread).containsExactly(false);
				assertThat(servlet.send(first)).as("a duplicate on the other instance").isEqualTo(200);
				assertThat(servlet.received().calls).hasValue(0);
				SignedWebhook second = Webhooks.signed(Webhooks.kycCompleted(eventId("evt_servlet")));
				assertThat(servlet.send(second)).isEqualTo(200);
				Webhooks.send(client, second).expectStatus().isOk();
				assertThat(received.calls).hasValue(1);
			}));
	}

	private String eventId(String name) {
		return name + "_" + this.run;
	}

	private static int sendTogether(Instance instance, SignedWebhook webhook, CyclicBarrier together) {
		try {
			together.await(30, TimeUnit.SECONDS);
			return instance.send(webhook);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private void runTwoInstances(ThrowingBiConsumer<Instance, Instance> test) {
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, LoveandpayWebhookAutoConfiguration.class))
			.withUserConfiguration(Webhooks.Listening.class)
			.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET,
					"loveandpay.webhook.deduplication.store=redis")
			.withPropertyValues(redis.properties());
		runner.run((one) -> runner.run((two) -> {
			assertThat(one).hasNotFailed().hasSingleBean(RedisWebhookDeduplicationStore.class);
			assertThat(two).hasNotFailed();
			test.accept(new Instance(one), new Instance(two));
		}));
	}

	/**
	 * One instance of the application: its endpoint and its listener.
	 */
	private record Instance(MockMvc mvc, Webhooks.Received received) {

		Instance(AssertableWebApplicationContext context) {
			this(MockMvcBuilders.routerFunctions(context.getBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN,
					org.springframework.web.servlet.function.RouterFunction.class))
				.build(), context.getBean(Webhooks.Received.class));
		}

		int send(SignedWebhook webhook) throws Exception {
			MockHttpServletRequestBuilder request = post(Webhooks.PATH).content(webhook.body());
			webhook.headers().forEach(request::header);
			return this.mvc.perform(request).andReturn().getResponse().getStatus();
		}

	}

	@FunctionalInterface
	interface ThrowingBiConsumer<A, B> {

		void accept(A a, B b) throws Exception;

	}

}
