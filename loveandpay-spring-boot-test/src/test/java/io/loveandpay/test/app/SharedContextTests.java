package io.loveandpay.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import io.loveandpay.test.autoconfigure.AutoConfigureLoveandpayStandIn;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Two test classes with the same configuration, run one after the other in this JVM,
 * share one cached context, and so one stand-in on one port.
 */
class SharedContextTests {

	static final List<Seen> seen = new CopyOnWriteArrayList<>();

	@Test
	void testClassesWithTheSameConfigurationShareOneStandIn() {
		seen.clear();
		LauncherDiscoveryRequest request = request().selectors(selectClass(First.class), selectClass(Second.class))
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0).context()).isSameAs(seen.get(1).context());
		assertThat(seen.get(0).standIn()).isSameAs(seen.get(1).standIn());
		assertThat(seen.get(0).port()).isEqualTo(seen.get(1).port());
	}

	record Seen(ApplicationContext context, LoveandpayStandIn standIn, int port) {
	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loveandpay.retry.initial-backoff=10ms")
	@AutoConfigureLoveandpayStandIn
	abstract static class Recording {

		@Autowired
		ApplicationContext context;

		@Autowired
		LoveandpayStandIn standIn;

		@Test
		void records() {
			seen.add(new Seen(this.context, this.standIn, this.standIn.port()));
		}

	}

	static class First extends Recording {

	}

	static class Second extends Recording {

	}

}
