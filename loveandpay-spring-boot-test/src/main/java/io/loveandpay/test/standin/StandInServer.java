package io.loveandpay.test.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The stand-in's HTTP side on the JDK's own server ({@code com.sun.net.httpserver}),
 * which starts in a fraction of the time of a Netty server: reads each request whole,
 * lets {@link ApiRoutes} decide, journals it, and answers with {@code x-request-id},
 * after a delay, or closes the connection without answering. The JDK server sets the
 * {@code Date} header itself, to this machine's time.
 * <p>
 * The JDK server writes an answer's head and body apart, so without {@code TCP_NODELAY}
 * each body waits for the client's delayed acknowledgement of the head, about 40 ms an
 * answer. The stand-in turns on the JDK's documented {@code sun.net.httpserver.nodelay}
 * unless the JVM sets it; the JDK reads it once, when its first server starts.
 */
final class StandInServer {

	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	static {
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
	}

	private final LoveandpayStandIn standIn;

	private final ApiRoutes routes;

	private final HttpServer server;

	private final ExecutorService executor;

	StandInServer(LoveandpayStandIn standIn, int port) {
		this.standIn = standIn;
		this.routes = new ApiRoutes(standIn);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The stand-in could not listen on 127.0.0.1:" + port, ex);
		}
		CustomizableThreadFactory threads = new CustomizableThreadFactory("loveandpay-stand-in-");
		threads.setDaemon(true);
		this.executor = Executors.newCachedThreadPool(threads);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			answer(exchange);
		}
		finally {
			exchange.close();
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		String method = exchange.getRequestMethod();
		byte[] body = exchange.getRequestBody().readAllBytes();
		Instant now = this.standIn.faults().now();
		Headers requestHeaders = exchange.getRequestHeaders();
		ApiRoutes.Routed routed;
		try {
			routed = this.routes.handle(method, path, query, requestHeaders::getFirst, body, requestId);
		}
		catch (RuntimeException ex) {
			routed = new ApiRoutes.Routed(this.routes.error(500, "INTERNAL_ERROR", "Stand-in failure", requestId),
					SignatureVerdict.NOT_REQUIRED);
		}
		Answer answer = routed.answer();
		this.standIn.journal()
			.record(new RecordedRequest(method, path, query, answer.status(), routed.verdict(), requestId, now));
		if (!answer.delay().isZero() && !sleep(answer)) {
			return;
		}
		if (answer.lost()) {
			// closing an exchange before its headers are sent closes the connection
			return;
		}
		Headers headers = exchange.getResponseHeaders();
		headers.set("x-request-id", requestId);
		answer.headers().forEach(headers::set);
		byte[] bytes = answer.body();
		exchange.sendResponseHeaders(answer.status(), (bytes.length > 0) ? bytes.length : -1);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
	}

	private boolean sleep(Answer answer) {
		try {
			Thread.sleep(answer.delay().toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
