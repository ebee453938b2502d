package io.loveandpay.benchmarks;

import io.loveandpay.kyc.BlockingKycSessionService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link BenchmarkApplication} once, with the starter's auto-configuration or
 * without it, and prints how long the context took to start. With the starter it then
 * asks for the {@link BlockingKycSessionService}, as the first bean of an application
 * that injects it does, and prints how long making the client took. Run in a JVM of its
 * own.
 */
public final class StartupProbe {

	static final String STARTUP_MARKER = "STARTUP_NANOS ";

	static final String CLIENT_MARKER = "CLIENT_NANOS ";

	static final String WITHOUT_STARTER = "io.loveandpay.autoconfigure.LoveandpayAutoConfiguration,"
			+ "io.loveandpay.autoconfigure.health.LoveandpayHealthAutoConfiguration,"
			+ "io.loveandpay.autoconfigure.metrics.LoveandpayMetricsAutoConfiguration,"
			+ "io.loveandpay.autoconfigure.webhook.LoveandpayWebhookAutoConfiguration,"
			+ "io.loveandpay.autoconfigure.webhook.LoveandpayWebhookSecurityAutoConfiguration";

	private StartupProbe() {
	}

	public static void main(String[] args) {
		boolean withStarter = args.length > 0 && args[0].equals("with");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
					"loveandpay.api-key=pk_test_benchmark_public_key",
					"loveandpay.secret-key=sk_test_benchmark_secret_key_0123",
					"loveandpay.base-url=http://127.0.0.1:9");
		if (!withStarter) {
			builder.properties("spring.autoconfigure.exclude=" + WITHOUT_STARTER);
		}
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = builder.run()) {
			long took = System.nanoTime() - start;
			System.out.println(STARTUP_MARKER + took + " beans=" + context.getBeanDefinitionCount());
			if (withStarter) {
				long asked = System.nanoTime();
				context.getBean(BlockingKycSessionService.class);
				System.out.println(CLIENT_MARKER + (System.nanoTime() - asked));
			}
		}
	}

}
