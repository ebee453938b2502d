package io.loveandpay.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A reactor-netty server on loopback that answers every session read with the documented
 * session, as fast as it can. It runs on event loops of its own, as a remote provider
 * would: on the clients' shared loops, a connection whose two ends landed on the same
 * thread would skip a thread wake-up per request, and how many of a pool's connections
 * did so would differ by chance from client to client and from run to run.
 */
final class SessionStub implements AutoCloseable {

	private final LoopResources loops = LoopResources.create("stub", 1, 2, true);

	private final DisposableServer server;

	SessionStub() {
		byte[] session = resource("session.json");
		this.server = HttpServer.create()
			.runOn(this.loops)
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
		this.loops.disposeLater().block();
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
