package io.loveandpay.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.loveandpay.client.HmacSha256RequestSigner;
import io.loveandpay.test.standin.LoveandpayStandIn;

/**
 * Starts a local stand-in of the provider once, the loveandpay stand-in or a WireMock
 * server with one stub, and prints the time from entering {@code main} to the first
 * answered request: the server's classes loaded, the server started, one request written
 * on a plain socket and its answer read. Run in a JVM of its own, so that every start is
 * from nothing. The request goes over a bare socket rather than the JDK's
 * {@code HttpClient}, whose own first use (about 0.4 s here, mostly its default
 * {@code SSLContext}) is the same on both sides and would only dilute the ratio.
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
		if (args.length > 0 && args[0].equals(WIREMOCK)) {
			WireMockServer server = new WireMockServer(
					WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
			server.start();
			try {
				server.stubFor(WireMock.get(WireMock.urlPathEqualTo(PATH))
					.willReturn(WireMock.okJson("{\"success\":true,\"data\":{\"sessions\":[],\"total\":0}}")));
				report(start, get(server.port(), Map.of()));
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
				report(start, get(standIn.port(), Map.of("x-api-key", standIn.apiKey(), "x-timestamp",
						Long.toString(timestamp), "x-signature", signature)));
			}
		}
	}

	/**
	 * Send {@code GET} with HTTP/1.1 on a plain socket, read the answer's head and its
	 * {@code Content-Length} bytes of body, and return its status.
	 */
	private static int get(int port, Map<String, String> headers) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			StringBuilder request = new StringBuilder("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			String statusLine = in.readLine();
			int length = 0;
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
					length = Integer.parseInt(line.substring(15).trim());
				}
			}
			for (int read = 0; read < length; read++) {
				in.read();
			}
			return Integer.parseInt(statusLine.split(" ")[1]);
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
