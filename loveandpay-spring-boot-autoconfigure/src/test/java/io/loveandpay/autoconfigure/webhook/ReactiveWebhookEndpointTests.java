package io.loveandpay.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.webhook.InMemoryWebhookDeduplicationStore;
import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookHandler;
import io.loveandpay.webhook.SignedWebhook;
import io.loveandpay.webhook.WebhookDeduplicationStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the webhook endpoint on WebFlux, through a {@link WebTestClient} bound to the
 * auto-configured router.
 */
class ReactiveWebhookEndpointTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoveandpayWebhookAutoConfiguration.class))
		.withUserConfiguration(Webhooks.Listening.class)
		.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET, "loveandpay.webhook.max-body-size=2KB");

	@Test
	void validDeliveryIsAcknowledgedAfterTheListenerGotTheEvent() {
		run((client, received) -> {
			Webhooks.send(client, Webhooks.signed(Webhooks.kycCompleted("evt_valid")))
				.expectStatus()
				.isOk()
				.expectBody()
				.isEmpty();
			assertThat(received.events).extracting(KycWebhookEvent::eventId).containsExactly("evt_valid");
		});
	}

	@Test
	void blockingListenerNeverRunsOnANonBlockingThread() {
		run((client, received) -> {
			SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted("evt_thread"));
			Flux<DataBuffer> fromParallelThread = Flux.just(webhook.body())
				.delayElements(Duration.ofMillis(5))
				.doOnNext((bytes) -> assertThat(Schedulers.isInNonBlockingThread()).isTrue())
				.map(DefaultDataBufferFactory.sharedInstance::wrap);
			client.post()
				.uri(Webhooks.PATH)
				.headers((headers) -> webhook.headers().forEach(headers::set))
				.body(BodyInserters.fromDataBuffers(fromParallelThread))
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(received.onNonBlockingThread).containsExactly(false);
			assertThat(received.threads).singleElement().asString().startsWith("boundedElastic");
		});
	}

	@Test
	void deduplicationStoreIsCalledOffTheEventLoop() {
		List<Boolean> nonBlocking = new CopyOnWriteArrayList<>();
		WebhookDeduplicationStore memory = new InMemoryWebhookDeduplicationStore(10, Clock.systemUTC());
		WebhookDeduplicationStore store = new WebhookDeduplicationStore() {

			@Override
			public Claim claim(String eventId, Duration claimTimeout) {
				nonBlocking.add(Schedulers.isInNonBlockingThread());
				return memory.claim(eventId, claimTimeout);
			}

			@Override
			public boolean complete(Claim claim, Duration retention) {
				nonBlocking.add(Schedulers.isInNonBlockingThread());
				return memory.complete(claim, retention);
			}

			@Override
			public boolean release(Claim claim) {
				nonBlocking.add(Schedulers.isInNonBlockingThread());
				return memory.release(claim);
			}

		};
		LoveandpayWebhookHandler onParallelThread = (event) -> Mono.delay(Duration.ofMillis(5))
			.then(event.eventId().equals("evt_fails") ? Mono.error(new IllegalStateException("handler failure"))
					: Mono.empty());
		this.runner.withBean(WebhookDeduplicationStore.class, () -> store)
			.withBean(LoveandpayWebhookHandler.class, () -> onParallelThread)
			.run((context) -> {
				WebTestClient client = client(context);
				Webhooks.send(client, Webhooks.signed(Webhooks.kycCompleted("evt_store"))).expectStatus().isOk();
				Webhooks.send(client, Webhooks.signed(Webhooks.kycCompleted("evt_fails")))
					.expectStatus()
					.isEqualTo(500);
				assertThat(nonBlocking).containsExactly(false, false, false, false);
			});
	}

	@Test
	void badSignatureIsRefusedWith401AndNothingInTheAnswer() {
		run((client, received) -> {
			Webhooks.send(client, Webhooks.signed("whsec_wrong_secret_0003", Webhooks.kycCompleted("evt_forged")))
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.isEmpty();
			assertThat(received.calls).hasValue(0);
		});
	}

	@Test
	void oversizedBodyIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() {
		run((client, received) -> {
			String big = Webhooks.kycCompleted("evt_big")
				.replace("\"level\":\"basic\"", "\"level\":\"" + "x".repeat(3000) + "\"");
			SignedWebhook webhook = Webhooks.signed(big);
			Webhooks.send(client, webhook).expectStatus().isEqualTo(413);
			byte[] body = webhook.body();
			Flux<DataBuffer> chunks = Flux.range(0, 4)
				.map((i) -> Arrays.copyOfRange(body, i * body.length / 4, (i + 1) * body.length / 4))
				.map(DefaultDataBufferFactory.sharedInstance::wrap);
			client.post()
				.uri(Webhooks.PATH)
				.headers((headers) -> webhook.headers().forEach(headers::set))
				.body(BodyInserters.fromDataBuffers(chunks))
				.exchange()
				.expectStatus()
				.isEqualTo(413);
			assertThat(received.calls).hasValue(0);
		});
	}

	@Test
	void listenerThatThrowsGets500AndTheRedeliveryIsDeliveredOnce() {
		run((client, received) -> {
			received.failuresToThrow.set(1);
			SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted("evt_retry"));
			Webhooks.send(client, webhook).expectStatus().isEqualTo(500).expectBody().isEmpty();
			assertThat(received.events).isEmpty();
			Webhooks.send(client, webhook).expectStatus().isOk();
			Webhooks.send(client, webhook).expectStatus().isOk();
			assertThat(received.events).extracting(KycWebhookEvent::eventId).containsExactly("evt_retry");
			assertThat(received.calls).hasValue(2);
		});
	}

	@Test
	void duplicateIsAcknowledgedWithoutRunningTheListener() {
		run((client, received) -> {
			String json = Webhooks.kycCompleted("evt_dup");
			Webhooks.send(client, Webhooks.signed(json)).expectStatus().isOk();
			Webhooks.send(client, Webhooks.signed(json)).expectStatus().isOk();
			assertThat(received.calls).hasValue(1);
		});
	}

	@Test
	void answersPostOnly() {
		run((client, received) -> client.get().uri(Webhooks.PATH).exchange().expectStatus().isNotFound());
	}

	@Test
	void handlersAreWaitedForWithoutBlockingAndAFailingOneGets500() {
		List<String> handled = new CopyOnWriteArrayList<>();
		LoveandpayWebhookHandler handler = (event) -> Mono.delay(Duration.ofMillis(20))
			.doOnNext((tick) -> handled.add(event.eventId()))
			.then(event.eventId().equals("evt_bad")
					? Mono.error(new IllegalStateException("handler failure for the test")) : Mono.empty());
		this.runner.withBean(LoveandpayWebhookHandler.class, () -> handler).run((context) -> {
			WebTestClient client = client(context);
			Webhooks.send(client, Webhooks.signed(Webhooks.kycCompleted("evt_good"))).expectStatus().isOk();
			Webhooks.send(client, Webhooks.signed(Webhooks.kycCompleted("evt_bad"))).expectStatus().isEqualTo(500);
			assertThat(handled).containsExactly("evt_good", "evt_bad");
		});
	}

	@Test
	void handlerThatNeverCompletesFailsTheDeliveryAfterTheClaimTimeout() {
		this.runner.withPropertyValues("loveandpay.webhook.claim-timeout=200ms")
			.withBean(LoveandpayWebhookHandler.class, () -> (event) -> Mono.never())
			.run((context) -> Webhooks.send(client(context), Webhooks.signed(Webhooks.kycCompleted("evt_hangs")))
				.expectStatus()
				.isEqualTo(500));
	}

	@Test
	void rawEventsReachHandlers() {
		List<LoveandpayWebhookEvent> handled = new CopyOnWriteArrayList<>();
		this.runner
			.withBean(LoveandpayWebhookHandler.class, () -> (event) -> Mono.fromRunnable(() -> handled.add(event)))
			.run((context) -> {
				Webhooks.send(client(context), Webhooks.signed("not json at all")).expectStatus().isOk();
				assertThat(handled).singleElement()
					.satisfies((event) -> assertThat(event.rawJson()).isEqualTo("not json at all"));
				assertThat(context.getBean(Webhooks.Received.class).calls).hasValue(0);
			});
	}

	private void run(ThrowingBiConsumer<WebTestClient, Webhooks.Received> test) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(client(context), context.getBean(Webhooks.Received.class));
		});
	}

	@SuppressWarnings("unchecked")
	private static WebTestClient client(AssertableReactiveWebApplicationContext context) {
		RouterFunction<ServerResponse> router = context.getBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN,
				RouterFunction.class);
		return WebTestClient.bindToRouterFunction(router).build();
	}

	@FunctionalInterface
	interface ThrowingBiConsumer<A, B> {

		void accept(A a, B b) throws Exception;

	}

}
