package io.loveandpay.test.standin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny webhook receiver on loopback, on the JDK's server: records what arrives and
 * answers scripted statuses (200 when none is scripted).
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Delivery> deliveries = new ArrayList<>();

	private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/webhooks", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
			Integer status = this.statuses.pollFirst();
			synchronized (this) {
				this.deliveries.add(new Delivery(body, headers));
			}
			exchange.sendResponseHeaders((status != null) ? status : 200, -1);
			exchange.close();
		});
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/webhooks");
	}

	WebhookReceiver answer(int... statuses) {
		for (int status : statuses) {
			this.statuses.addLast(status);
		}
		return this;
	}

	synchronized List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One delivery received.
	 *
	 * @param body the raw body
	 * @param headers the headers, names case-insensitive
	 */
	record Delivery(byte[] body, Map<String, String> headers) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
