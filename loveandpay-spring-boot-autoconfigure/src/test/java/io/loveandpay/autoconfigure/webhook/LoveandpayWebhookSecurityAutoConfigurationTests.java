package io.loveandpay.autoconfigure.webhook;

import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.reactive.PreFlightRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@link LoveandpayWebhookSecurityAutoConfiguration}: which filter chains
 * exist, what they match, and when it backs off.
 */
class LoveandpayWebhookSecurityAutoConfigurationTests {

	private static final String WEBHOOK_CHAIN = "loveandpayWebhookSecurityFilterChain";

	private static final String REACTIVE_WEBHOOK_CHAIN = "loveandpayWebhookSecurityWebFilterChain";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
					UserDetailsServiceAutoConfiguration.class, LoveandpayWebhookSecurityAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class, LoveandpayWebhookSecurityAutoConfiguration.class));

	@Test
	void servletChainCoversTheWebhookPathOnlyWithoutCsrfAndBootsDefaultChainStays() {
		this.servlet.withPropertyValues("loveandpay.webhook.secret=whsec_test").run((context) -> {
			assertThat(context).hasNotFailed();
			SecurityFilterChain webhook = context.getBean(WEBHOOK_CHAIN, SecurityFilterChain.class);
			assertThat(webhook.matches(new MockHttpServletRequest("POST", "/loveandpay/webhooks"))).isTrue();
			assertThat(webhook.matches(new MockHttpServletRequest("POST", "/customers/1"))).isFalse();
			assertThat(webhook.getFilters()).noneMatch(CsrfFilter.class::isInstance);
			assertThat(context).hasBean("defaultSecurityFilterChain")
				.doesNotHaveBean("loveandpayDefaultSecurityFilterChain");
			SecurityFilterChain boots = context.getBean("defaultSecurityFilterChain", SecurityFilterChain.class);
			assertThat(boots.getFilters()).anyMatch(CsrfFilter.class::isInstance);
			assertThat(context.getBeanProvider(SecurityFilterChain.class).orderedStream().findFirst())
				.as("the webhook chain comes first")
				.containsSame(webhook);
		});
	}

	@Test
	void servletChainFollowsTheConfiguredPath() {
		this.servlet.withPropertyValues("loveandpay.webhook.secret=whsec_test", "loveandpay.webhook.path=/hooks/kyc")
			.run((context) -> {
				SecurityFilterChain webhook = context.getBean(WEBHOOK_CHAIN, SecurityFilterChain.class);
				assertThat(webhook.matches(new MockHttpServletRequest("POST", "/hooks/kyc"))).isTrue();
				assertThat(webhook.matches(new MockHttpServletRequest("POST", "/loveandpay/webhooks"))).isFalse();
			});
	}

	@Test
	void servletChainWithoutBootsDefaultAddsTheDefaultForEveryOtherPath() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoveandpayWebhookSecurityAutoConfiguration.class))
			.withUserConfiguration(EnableWebSecurityOnly.class)
			.withPropertyValues("loveandpay.webhook.enabled=true")
			.run((context) -> {
				assertThat(context).hasBean(WEBHOOK_CHAIN);
				SecurityFilterChain fallback = context.getBean("loveandpayDefaultSecurityFilterChain",
						SecurityFilterChain.class);
				assertThat(fallback.matches(new MockHttpServletRequest("GET", "/customers/1"))).isTrue();
				List<Filter> filters = fallback.getFilters();
				assertThat(filters).anyMatch(CsrfFilter.class::isInstance);
			});
	}

	@Test
	void noChainWithoutAWebhookSecretNorEnabled() {
		this.servlet.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(WEBHOOK_CHAIN)
			.hasBean("defaultSecurityFilterChain"));
		this.reactive.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(REACTIVE_WEBHOOK_CHAIN)
			.doesNotHaveBean(SecurityWebFilterChain.class));
	}

	@Test
	void noChainWhenTheEndpointIsDisabled() {
		this.servlet.withPropertyValues("loveandpay.webhook.secret=whsec_test", "loveandpay.webhook.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WEBHOOK_CHAIN));
	}

	@Test
	void noChainWhenWebhookSecurityIsDisabled() {
		this.servlet
			.withPropertyValues("loveandpay.webhook.secret=whsec_test", "loveandpay.webhook.security.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WEBHOOK_CHAIN)
				.doesNotHaveBean("loveandpayDefaultSecurityFilterChain")
				.hasBean("defaultSecurityFilterChain"));
		this.reactive
			.withPropertyValues("loveandpay.webhook.secret=whsec_test", "loveandpay.webhook.security.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityWebFilterChain.class));
	}

	@Test
	void noChainWithoutSpringSecurity() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoveandpayWebhookSecurityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("loveandpay.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WEBHOOK_CHAIN));
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoveandpayWebhookSecurityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("loveandpay.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(REACTIVE_WEBHOOK_CHAIN));
	}

	@Test
	void reactiveChainCoversTheWebhookPathOnlyAndKeepsEveryOtherPathAuthenticated() {
		this.reactive.withPropertyValues("loveandpay.webhook.secret=new,old").run((context) -> {
			assertThat(context).hasNotFailed();
			SecurityWebFilterChain webhook = context.getBean(REACTIVE_WEBHOOK_CHAIN, SecurityWebFilterChain.class);
			assertThat(webhook.matches(exchange("/loveandpay/webhooks")).block()).isTrue();
			assertThat(webhook.matches(exchange("/customers/1")).block()).isFalse();
			SecurityWebFilterChain fallback = context.getBean("loveandpayDefaultSecurityWebFilterChain",
					SecurityWebFilterChain.class);
			assertThat(fallback.matches(exchange("/customers/1")).block()).isTrue();
			assertThat(context.getBeanProvider(SecurityWebFilterChain.class).orderedStream())
				.as("the webhook chain comes first")
				.containsExactly(webhook, fallback);
		});
	}

	@Test
	void reactiveChainLeavesTheApplicationsOwnChainAlone() {
		this.reactive.withUserConfiguration(UserReactiveChain.class)
			.withPropertyValues("loveandpay.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(REACTIVE_WEBHOOK_CHAIN)
				.hasBean("userChain")
				.doesNotHaveBean("loveandpayDefaultSecurityWebFilterChain"));
	}

	@Test
	void reactiveChainRunsAfterActuatorsSoThatActuatorsChainStays() {
		this.reactive
			.withConfiguration(AutoConfigurations.of(ReactiveManagementWebSecurityAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
			.withBean(PreFlightRequestHandler.class, () -> (exchange) -> Mono.empty())
			.withPropertyValues("loveandpay.webhook.secret=whsec_test")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean(REACTIVE_WEBHOOK_CHAIN)
					.doesNotHaveBean("loveandpayDefaultSecurityWebFilterChain");
				assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).hasSize(2);
			});
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.post(path));
	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.security.config.annotation.web.configuration.EnableWebSecurity
	static class EnableWebSecurityOnly {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveChain {

		@Bean
		SecurityWebFilterChain userChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().denyAll()).build();
		}

	}

}
