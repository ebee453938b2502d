package io.loveandpay.test.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import io.loveandpay.test.standin.LoveandpayStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Tests for {@link LoveandpayStandInExtension}.
 */
@ExtendWith(LoveandpayStandInExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoveandpayStandInExtensionTests {

	private static int firstPort;

	private final LoveandpayStandIn fromBeforeEach;

	LoveandpayStandInExtensionTests(LoveandpayStandIn standIn) {
		this.fromBeforeEach = standIn;
	}

	@Test
	@Order(1)
	void injectsAStartedStandIn(LoveandpayStandIn standIn) throws Exception {
		assertThat(standIn).isSameAs(this.fromBeforeEach);
		assertThat(unsignedGet(standIn)).isEqualTo(401);
		assertThat(standIn.journal().requests()).hasSize(1);
		firstPort = standIn.port();
	}

	@Test
	@Order(2)
	void resetsItBeforeEachTestAndKeepsItsPort(LoveandpayStandIn standIn) {
		assertThat(standIn.port()).isEqualTo(firstPort);
		assertThat(standIn.journal().requests()).isEmpty();
	}

	@Test
	@Order(3)
	void closesItAfterTheClass() {
		Ports.seen.clear();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(Ports.class)).build(), listener);
		assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(2);
		assertThat(Ports.seen).hasSize(2).containsOnly(Ports.seen.get(0));
		assertThat(reachable(Ports.seen.get(0))).isFalse();
	}

	@Test
	@Order(4)
	void customizesTheStandInWhenRegisteredInAField() {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(Customized.class)).build(), listener);
		assertThat(listener.getSummary().getFailures()).isEmpty();
		assertThat(listener.getSummary().getTestsSucceededCount()).isOne();
	}

	static int unsignedGet(LoveandpayStandIn standIn) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/kyc/sessions")).GET().build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	static boolean reachable(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@ExtendWith(LoveandpayStandInExtension.class)
	static class Ports {

		static final List<Integer> seen = new CopyOnWriteArrayList<>();

		@Test
		void outer(LoveandpayStandIn standIn) {
			assertThat(reachable(standIn.port())).isTrue();
			seen.add(standIn.port());
		}

		@Nested
		class Inner {

			@BeforeEach
			void before(LoveandpayStandIn standIn) {
				seen.add(standIn.port());
			}

			@Test
			void inner() {
			}

		}

	}

	static class Customized {

		@RegisterExtension
		static LoveandpayStandInExtension extension = new LoveandpayStandInExtension(
				(builder) -> builder.apiKey("pk_test_customized"));

		@Test
		void customized(LoveandpayStandIn standIn) {
			assertThat(standIn.apiKey()).isEqualTo("pk_test_customized");
		}

	}

}
