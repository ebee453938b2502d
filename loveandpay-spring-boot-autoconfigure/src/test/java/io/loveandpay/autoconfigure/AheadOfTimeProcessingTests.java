package io.loveandpay.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;

import io.loveandpay.autoconfigure.webhook.LoveandpayWebhookAutoConfiguration;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.kyc.KycSessionService;
import io.loveandpay.testsupport.LoveandpayRunners;
import io.loveandpay.testsupport.TestClients;
import io.loveandpay.testsupport.WebhookEndpointContract;
import io.loveandpay.webhook.InMemoryWebhookDeduplicationStore;
import io.loveandpay.webhook.WebhookDeduplicationStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for the starter's auto-configurations in an ahead-of-time processed context: the
 * context is processed as {@code spring-boot:process-aot} does, its code compiled, and a
 * fresh context started from it. Conditions are evaluated when processing, so what backs
 * off for an application's beans must stay backed off at run time.
 */
@CompileWithForkedClassLoader
class AheadOfTimeProcessingTests {

	private static final TestPropertyValues PROPERTIES = TestPropertyValues.of(LoveandpayRunners.keys())
		.and("loveandpay.webhook.secret=" + WebhookEndpointContract.NEW_SECRET);

	@Test
	void processedContextHasTheStarterBeansWhenTheApplicationHasNone() {
		processAndRun(StarterOnly.class, (context) -> {
			assertThat(context.getBeansOfType(LoveandpayConnectionDetails.class))
				.containsOnlyKeys("loveandpayConnectionDetails");
			assertThat(context.getBeansOfType(KycSessionService.class)).containsOnlyKeys("kycSessionService");
			assertThat(context.getBeansOfType(WebhookDeduplicationStore.class))
				.containsOnlyKeys("loveandpayWebhookDeduplicationStore");
			assertThat(context.getBean(LoveandpayApiClient.class)).isNotNull();
		});
	}

	@Test
	void starterBeansStayBackedOffForTheApplicationsInTheProcessedContext() {
		processAndRun(ApplicationBeans.class, (context) -> {
			assertThat(context.getBeansOfType(LoveandpayConnectionDetails.class))
				.containsOnlyKeys("applicationConnectionDetails");
			assertThat(context.getBeansOfType(KycSessionService.class))
				.containsOnlyKeys("applicationKycSessionService");
			assertThat(context.getBeansOfType(WebhookDeduplicationStore.class))
				.containsOnlyKeys("applicationDeduplicationStore");
			assertThat(context.getBean(LoveandpayApiClient.class)).isNotNull();
		});
	}

	private void processAndRun(Class<?> configuration, Consumer<GenericApplicationContext> assertions) {
		AnnotationConfigApplicationContext processed = new AnnotationConfigApplicationContext();
		PROPERTIES.applyTo(processed);
		processed.register(configuration);
		TestGenerationContext generationContext = new TestGenerationContext(configuration);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(processed,
				generationContext);
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericApplicationContext context = new GenericApplicationContext();
			PROPERTIES.applyTo(context);
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
				.getInstance(ApplicationContextInitializer.class, initializerName.reflectionName());
			initializer.initialize(context);
			context.refresh();
			try {
				assertions.accept(context);
			}
			finally {
				context.close();
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class,
			LoveandpayWebhookAutoConfiguration.class })
	static class StarterOnly {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, LoveandpayAutoConfiguration.class,
			LoveandpayWebhookAutoConfiguration.class })
	static class ApplicationBeans {

		@Bean
		LoveandpayConnectionDetails applicationConnectionDetails() {
			return new LoveandpayConnectionDetails() {

				@Override
				public URI getBaseUrl() {
					return URI.create("https://127.0.0.1:9/");
				}

				@Override
				public String getApiKey() {
					return TestClients.API_KEY;
				}

				@Override
				public @Nullable String getSecretKey() {
					return TestClients.SECRET_KEY;
				}

			};
		}

		@Bean
		KycSessionService applicationKycSessionService() {
			return mock(KycSessionService.class);
		}

		@Bean
		WebhookDeduplicationStore applicationDeduplicationStore() {
			return new InMemoryWebhookDeduplicationStore(100, Clock.systemUTC());
		}

	}

}
