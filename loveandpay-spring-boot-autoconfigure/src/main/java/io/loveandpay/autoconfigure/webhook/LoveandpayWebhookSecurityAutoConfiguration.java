package io.loveandpay.autoconfigure.webhook;

import io.loveandpay.autoconfigure.LoveandpayProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Auto-configuration that lets webhook deliveries through Spring Security: a filter chain
 * for the webhook path alone, without CSRF, sessions or authentication, since the
 * signature of each delivery authenticates it. Every other path keeps the application's
 * security. Off with {@code loveandpay.webhook.security.enabled=false}, for applications
 * that configure the path themselves.
 * <p>
 * A filter chain bean of its own would make Spring Security drop its default chain, which
 * applies only while an application defines none. So when neither the application nor
 * Spring Boot defined one by the time this runs, it also defines Spring Boot's default:
 * every other request authenticated, with form login and HTTP Basic. It runs after every
 * auto-configuration of Spring Boot that defines a chain only while there is none (the
 * defaults, Actuator's, OAuth2 login and resource server, SAML 2), so that none of them
 * backs off because of the webhook chain.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LoveandpayWebhookAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.saml2.autoconfigure.Saml2RelyingPartyAutoConfiguration" })
@Conditional(OnWebhookCondition.class)
@EnableConfigurationProperties(LoveandpayProperties.class)
@ConditionalOnBooleanProperty(name = "loveandpay.webhook.security.enabled", matchIfMissing = true)
public final class LoveandpayWebhookSecurityAutoConfiguration {

	/**
	 * Order of the webhook filter chain: ahead of the chains of the application, which
	 * usually match any request.
	 */
	public static final int WEBHOOK_FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
	static class ServletWebhookSecurityConfiguration {

		@Bean
		@Order(SecurityFilterChainOrder.DEFAULT)
		@ConditionalOnMissingBean(SecurityFilterChain.class)
		SecurityFilterChain loveandpayDefaultSecurityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		@Order(WEBHOOK_FILTER_CHAIN_ORDER)
		SecurityFilterChain loveandpayWebhookSecurityFilterChain(HttpSecurity http, LoveandpayProperties properties) {
			return http.securityMatcher(WebhookSettings.path(properties.getWebhook()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.requestCache((cache) -> cache.disable())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class })
	static class ReactiveWebhookSecurityConfiguration {

		@Bean
		@Order(SecurityFilterChainOrder.DEFAULT)
		@ConditionalOnMissingBean(SecurityWebFilterChain.class)
		SecurityWebFilterChain loveandpayDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		@Order(WEBHOOK_FILTER_CHAIN_ORDER)
		SecurityWebFilterChain loveandpayWebhookSecurityWebFilterChain(ServerHttpSecurity http,
				LoveandpayProperties properties) {
			return http
				.securityMatcher(ServerWebExchangeMatchers.pathMatchers(WebhookSettings.path(properties.getWebhook())))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf((csrf) -> csrf.disable())
				.httpBasic((basic) -> basic.disable())
				.formLogin((login) -> login.disable())
				.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.build();
		}

	}

	/**
	 * The order of Spring Boot's default filter chain
	 * ({@code SecurityFilterProperties.BASIC_AUTH_ORDER}), named here so that Spring
	 * Boot's security module stays optional.
	 */
	static final class SecurityFilterChainOrder {

		static final int DEFAULT = Ordered.LOWEST_PRECEDENCE - 5;

		private SecurityFilterChainOrder() {
		}

	}

}
