package io.loveandpay.test.standin;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The stand-in's HTTP side: routes, checks and answers requests.
 */
final class StandInServer {

	private final LoveandpayStandIn standIn;

	StandInServer(LoveandpayStandIn standIn) {
		this.standIn = standIn;
	}

	DisposableServer bind(int port) {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> response.status(404)
				.sendString(reactor.core.publisher.Mono.just("{\"error\":\"Not found\"}")))
			.bindNow();
	}

}
