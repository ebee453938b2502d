package io.loveandpay.autoconfigure.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.loveandpay.kyc.KycWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookHandler;
import io.loveandpay.webhook.SignedWebhook;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for the webhook endpoint on Spring MVC, through MockMvc on the auto-configured
 * router.
 */
class ServletWebhookEndpointTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoveandpayWebhookAutoConfiguration.class))
		.withUserConfiguration(Webhooks.Listening.class)
		.withPropertyValues("loveandpay.webhook.secret=" + Webhooks.SECRET + "," + Webhooks.PREVIOUS,
				"loveandpay.webhook.max-body-size=2KB");

	@Test
	void validDeliveryIsAcknowledgedAfterTheListenerGotTheEvent() {
		run((mvc, received) -> {
			SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted("evt_valid"));
			send(mvc, webhook).andExpect(status().isOk()).andExpect(content().bytes(new byte[0]));
			assertThat(received.events).singleElement().satisfies((event) -> {
				assertThat(event.eventId()).isEqualTo("evt_valid");
				assertThat(event.isType("kyc.completed")).isTrue();
			});
			assertThat(received.threads).singleElement().isEqualTo(Thread.currentThread().getName());
		});
	}

	@Test
	void badSignatureIsRefusedWith401AndNothingInTheAnswer() {
		run((mvc, received) -> {
			SignedWebhook webhook = Webhooks.signed("whsec_wrong_secret_0003", Webhooks.kycCompleted("evt_forged"));
			send(mvc, webhook).andExpect(status().isUnauthorized()).andExpect(content().bytes(new byte[0]));
			mvc.perform(post(Webhooks.PATH).content(Webhooks.kycCompleted("evt_unsigned")))
				.andExpect(status().isUnauthorized());
			assertThat(received.calls).hasValue(0);
		});
	}

	@Test
	void oversizedBodyIsRefusedWith413() {
		run((mvc, received) -> {
			String big = Webhooks.kycCompleted("evt_big")
				.replace("\"level\":\"basic\"", "\"level\":\"" + "x".repeat(3000) + "\"");
			send(mvc, Webhooks.signed(big)).andExpect(status().isContentTooLarge());
			assertThat(received.calls).hasValue(0);
		});
	}

	@Test
	void listenerThatThrowsGets500AndTheRedeliveryIsDeliveredOnce() {
		run((mvc, received) -> {
			received.failuresToThrow.set(1);
			SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted("evt_retry"));
			send(mvc, webhook).andExpect(status().isInternalServerError()).andExpect(content().bytes(new byte[0]));
			assertThat(received.events).isEmpty();
			send(mvc, webhook).andExpect(status().isOk());
			send(mvc, webhook).andExpect(status().isOk());
			assertThat(received.events).extracting(KycWebhookEvent::eventId).containsExactly("evt_retry");
			assertThat(received.calls).hasValue(2);
		});
	}

	@Test
	void duplicateIsAcknowledgedWithoutRunningTheListener() {
		run((mvc, received) -> {
			String json = Webhooks.kycCompleted("evt_dup");
			send(mvc, Webhooks.signed(json)).andExpect(status().isOk());
			send(mvc, Webhooks.signed(json)).andExpect(status().isOk());
			assertThat(received.calls).hasValue(1);
		});
	}

	@Test
	void answersPostOnly() {
		run((mvc, received) -> mvc.perform(get(Webhooks.PATH)).andExpect(status().isNotFound()));
	}

	@Test
	void handlersRunInOrderAfterTheListenersAndAFailingOneGets500() {
		StringBuilder order = new StringBuilder();
		this.runner.withBean("second", FailingOnce.class, () -> new FailingOnce(order))
			.withBean("first", Appending.class, () -> new Appending(order))
			.run((context) -> {
				MockMvc mvc = mvc(context);
				SignedWebhook webhook = Webhooks.signed(Webhooks.kycCompleted("evt_handlers"));
				send(mvc, webhook).andExpect(status().isInternalServerError());
				send(mvc, webhook).andExpect(status().isOk());
				send(mvc, webhook).andExpect(status().isOk());
				assertThat(order).hasToString("1212");
				assertThat(context.getBean(Webhooks.Received.class).calls).hasValue(2);
			});
	}

	@Test
	void handlerThatNeverCompletesFailsTheDeliveryAfterTheClaimTimeout() {
		this.runner.withPropertyValues("loveandpay.webhook.claim-timeout=200ms")
			.withBean(LoveandpayWebhookHandler.class, () -> (event) -> Mono.never())
			.run((context) -> send(mvc(context), Webhooks.signed(Webhooks.kycCompleted("evt_hangs")))
				.andExpect(status().isInternalServerError()));
	}

	@Test
	void countsDeliveriesByOutcomeTypeAndSecret() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MockMvc mvc = mvc(context);
			send(mvc, Webhooks.signed(Webhooks.kycCompleted("evt_m1"))).andExpect(status().isOk());
			send(mvc, Webhooks.signed(Webhooks.PREVIOUS, Webhooks.kycCompleted("evt_m2"))).andExpect(status().isOk());
			send(mvc, Webhooks.signed("whsec_wrong_secret_0003", "{}")).andExpect(status().isUnauthorized());
			send(mvc, Webhooks.signed("not json at all")).andExpect(status().isOk());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(count(registry, "DELIVERED", "kyc.completed", "current")).isEqualTo(1);
			assertThat(count(registry, "DELIVERED", "kyc.completed", "previous")).isEqualTo(1);
			assertThat(count(registry, "REJECTED_SIGNATURE", "unknown", "none")).isEqualTo(1);
			assertThat(count(registry, "DELIVERED", "other", "current")).isEqualTo(1);
		});
	}

	private static double count(MeterRegistry registry, String outcome, String type, String secret) {
		return registry.get("loveandpay.webhooks.received")
			.tags("outcome", outcome, "type", type, "secret", secret)
			.counter()
			.count();
	}

	private void run(ThrowingBiConsumer<MockMvc, Webhooks.Received> test) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(mvc(context), context.getBean(Webhooks.Received.class));
		});
	}

	@SuppressWarnings("unchecked")
	private static MockMvc mvc(AssertableWebApplicationContext context) {
		RouterFunction<ServerResponse> router = context.getBean(LoveandpayWebhookAutoConfiguration.ROUTER_BEAN,
				RouterFunction.class);
		return MockMvcBuilders.routerFunctions(router).build();
	}

	private static ResultActions send(MockMvc mvc, SignedWebhook webhook) throws Exception {
		MockHttpServletRequestBuilder request = post(Webhooks.PATH).content(webhook.body());
		webhook.headers().forEach(request::header);
		return mvc.perform(request);
	}

	@Order(1)
	record Appending(StringBuilder order) implements LoveandpayWebhookHandler {

		@Override
		public Mono<Void> handle(LoveandpayWebhookEvent event) {
			return Mono.fromRunnable(() -> this.order.append("1"));
		}

	}

	@Order(2)
	record FailingOnce(StringBuilder order) implements LoveandpayWebhookHandler {

		@Override
		public Mono<Void> handle(LoveandpayWebhookEvent event) {
			this.order.append("2");
			return (this.order.length() <= 2) ? Mono.error(new IllegalStateException("handler failure for the test"))
					: Mono.empty();
		}

	}

	@FunctionalInterface
	interface ThrowingBiConsumer<A, B> {

		void accept(A a, B b) throws Exception;

	}

}
