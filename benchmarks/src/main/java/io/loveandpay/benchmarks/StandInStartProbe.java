package io.loveandpay.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.test.standin.LoveandpayStandIn;

/**
 * Starts a local stand-in of the provider once, the loveandpay stand-in or a WireMock
 * server with one stub, and prints the time from entering {@code main} to the first
 * answered request: the server's classes loaded, the server started, one request sent
 * with the JDK's {@link HttpClient} and its answer read. Run in a JVM of its own, so that
 * every start is from nothing.
 * <p>
 * The stand-in's request is a signed {@code GET /api/v2/kyc/sessions}, checked and
 * answered as the provider would; WireMock's is the same request answered by its stub,
 * which checks nothing. The signer's classes count on the stand-in's side.
 */
public final class StandInStartProbe {

	static final String STANDIN = "standin";

	static final String WIREMOCK = "wiremock";

	private static final String PATH = "/api/v2/kyc/sessions";

	private StandInStartProbe() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		HttpClient http = HttpClient.newHttpClient();
		int status;
		if (args.length > 0 && args[0].equals(WIREMOCK)) {
			WireMockServer server = new WireMockServer(
					WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
			server.start();
			try {
				server.stubFor(WireMock.get(WireMock.urlPathEqualTo(PATH))
					.willReturn(WireMock.okJson("{\"success\":true,\"data\":{\"sessions\":[],\"total\":0}}")));
				status = http
					.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + PATH)).GET().build(),
							HttpResponse.BodyHandlers.ofString())
					.statusCode();
				report(start, status);
			}
			finally {
				server.stop();
			}
		}
		else {
			try (LoveandpayStandIn standIn = LoveandpayStandIn.builder().start()) {
				long timestamp = System.currentTimeMillis();
				String signature = new HmacSha256RequestSigner(standIn.secretKey()).sign("GET", PATH, timestamp,
						new byte[0]);
				status = http
					.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/kyc/sessions"))
						.header("x-api-key", standIn.apiKey())
						.header("x-timestamp", Long.toString(timestamp))
						.header("x-signature", signature)
						.GET()
						.build(), HttpResponse.BodyHandlers.ofString())
					.statusCode();
				report(start, status);
			}
		}
	}

	private static void report(long start, int status) {
		long took = System.nanoTime() - start;
		if (status != 200) {
			throw new IllegalStateException("First request answered " + status + ", not 200");
		}
		System.out.println("FIRST_ANSWER_NANOS " + took);
	}

}
