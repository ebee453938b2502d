package io.loveandpay.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A reactor-netty server on loopback that answers every session read with the documented
 * session, as fast as it can.
 */
final class SessionStub implements AutoCloseable {

	private final DisposableServer server;

	SessionStub() {
		byte[] session = resource("session.json");
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/api/v2/kyc/sessions/{id}",
					(request, response) -> response.header("Content-Type", "application/json")
						.header("Content-Length", Integer.toString(session.length))
						.sendByteArray(Mono.just(session))))
			.bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	static byte[] resource(String name) {
		try (InputStream in = SessionStub.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
