package io.loveandpay.autoconfigure.webhook;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import io.loveandpay.autoconfigure.LoveandpayAutoConfiguration;
import io.loveandpay.autoconfigure.LoveandpayProperties;
import io.loveandpay.webhook.LoveandpayWebhookHandler;
import io.loveandpay.webhook.LoveandpayWebhookReceiver;
import io.loveandpay.webhook.WebhookDeduplicationStore;
import io.loveandpay.webhook.WebhookVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the webhook endpoint: a POST-only functional endpoint at
 * {@code loveandpay.webhook.path}, on Spring MVC or WebFlux, whose verified events are
 * published as application events and passed to the {@link LoveandpayWebhookHandler}
 * beans. Registered when {@code loveandpay.webhook.secret} is set, or when
 * {@code loveandpay.webhook.enabled} is true, which then requires a secret: there is
 * never an endpoint without one. {@code loveandpay.webhook.enabled=false} turns it off.
 * <p>
 * Delivered events are remembered in memory, or in Redis when
 * {@code loveandpay.webhook.deduplication.store} is {@code redis}; a
 * {@link WebhookDeduplicationStore} bean of the application's own replaces either.
 * <p>
 * Event times are judged by the {@link Clock} bean named (or qualified)
 * {@value LoveandpayAutoConfiguration#CLOCK_BEAN} when there is one, and by the system
 * clock in UTC otherwise.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@Conditional(OnWebhookCondition.class)
@EnableConfigurationProperties(LoveandpayProperties.class)
@Import({ WebhookDeduplicationConfigurations.InMemory.class, WebhookDeduplicationConfigurations.Redis.class,
		WebhookDeduplicationConfigurations.RedisMissing.class })
public final class LoveandpayWebhookAutoConfiguration {

	/**
	 * Name of the router bean of the endpoint, on Spring MVC or WebFlux.
	 */
	public static final String ROUTER_BEAN = "loveandpayWebhookRouter";

	@Bean
	@ConditionalOnMissingBean
	WebhookVerifier loveandpayWebhookVerifier(LoveandpayProperties properties) {
		return new WebhookVerifier(WebhookSettings.secrets(properties.getWebhook()));
	}

	@Bean
	@ConditionalOnMissingBean
	LoveandpayWebhookReceiver loveandpayWebhookReceiver(LoveandpayProperties properties, WebhookVerifier verifier,
			WebhookDeduplicationStore store,
			@Qualifier(LoveandpayAutoConfiguration.CLOCK_BEAN) ObjectProvider<Clock> clock) {
		return new LoveandpayWebhookReceiver(verifier, store, WebhookSettings.limits(properties.getWebhook()),
				clock.getIfAvailable(Clock::systemUTC));
	}

	static WebhookDelivery delivery(LoveandpayWebhookReceiver receiver, ApplicationEventPublisher publisher,
			ObjectProvider<LoveandpayWebhookHandler> handlers, ObjectProvider<WebhookRecorder> recorder) {
		return new WebhookDelivery(receiver, publisher, () -> handlers.orderedStream().toList(),
				recorder.getIfAvailable(() -> WebhookRecorder.NONE));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletEndpointConfiguration {

		@Bean(ROUTER_BEAN)
		@ConditionalOnMissingBean(name = ROUTER_BEAN)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> loveandpayWebhookRouter(
				LoveandpayProperties properties, LoveandpayWebhookReceiver receiver,
				ApplicationEventPublisher publisher, ObjectProvider<LoveandpayWebhookHandler> handlers,
				ObjectProvider<WebhookRecorder> recorder) {
			ServletWebhookEndpoint endpoint = new ServletWebhookEndpoint(
					delivery(receiver, publisher, handlers, recorder));
			return org.springframework.web.servlet.function.RouterFunctions.route()
				.POST(WebhookSettings.path(properties.getWebhook()), endpoint)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.function.server.RouterFunction.class)
	static class ReactiveEndpointConfiguration {

		@Bean(ROUTER_BEAN)
		@ConditionalOnMissingBean(name = ROUTER_BEAN)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> loveandpayWebhookRouter(
				LoveandpayProperties properties, LoveandpayWebhookReceiver receiver,
				ApplicationEventPublisher publisher, ObjectProvider<LoveandpayWebhookHandler> handlers,
				ObjectProvider<WebhookRecorder> recorder) {
			ReactiveWebhookEndpoint endpoint = new ReactiveWebhookEndpoint(
					delivery(receiver, publisher, handlers, recorder));
			return org.springframework.web.reactive.function.server.RouterFunctions.route()
				.POST(WebhookSettings.path(properties.getWebhook()), endpoint)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		WebhookRecorder loveandpayWebhookRecorder(MeterRegistry meterRegistry) {
			return new MicrometerWebhookRecorder(meterRegistry);
		}

	}

}
