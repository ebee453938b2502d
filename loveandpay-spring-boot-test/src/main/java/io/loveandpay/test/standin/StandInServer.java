package io.loveandpay.test.standin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.netty.channel.ChannelOption;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The stand-in's HTTP side on reactor-netty: reads each request whole, lets
 * {@link ApiRoutes} decide, journals it, and answers (with {@code x-request-id} and
 * {@code Date}), after a delay, or resets the connection.
 */
final class StandInServer {

	private static final byte[] EMPTY = new byte[0];

	private final LoveandpayStandIn standIn;

	private final ApiRoutes routes;

	StandInServer(LoveandpayStandIn standIn) {
		this.standIn = standIn;
		this.routes = new ApiRoutes(standIn);
	}

	DisposableServer bind(int port) {
		return HttpServer.create().host("127.0.0.1").port(port).handle(this::handle).bindNow();
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
		String uri = request.uri();
		int question = uri.indexOf('?');
		String path = (question < 0) ? uri : uri.substring(0, question);
		String query = (question < 0) ? null : uri.substring(question + 1);
		String method = request.method().name();
		return request.receive().aggregate().asByteArray().defaultIfEmpty(EMPTY).flatMap((body) -> {
			Instant now = this.standIn.faults().now();
			ApiRoutes.Routed routed;
			try {
				routed = this.routes.handle(method, path, query, (name) -> request.requestHeaders().get(name), body,
						requestId);
			}
			catch (RuntimeException ex) {
				routed = new ApiRoutes.Routed(this.routes.error(500, "INTERNAL_ERROR", "Stand-in failure", requestId),
						SignatureVerdict.NOT_REQUIRED);
			}
			Answer answer = routed.answer();
			this.standIn.journal()
				.record(new RecordedRequest(method, path, query, answer.status(), routed.verdict(), requestId, now));
			Mono<Void> send = answer.lost() ? reset(response) : send(response, answer, requestId);
			return answer.delay().isZero() ? send : Mono.delay(answer.delay()).then(send);
		});
	}

	private Mono<Void> send(HttpServerResponse response, Answer answer, String requestId) {
		return Mono.defer(() -> {
			response.status(answer.status());
			response.header("x-request-id", requestId);
			response.header("Date",
					DateTimeFormatter.RFC_1123_DATE_TIME.format(this.standIn.faults().now().atOffset(ZoneOffset.UTC)));
			answer.headers().forEach(response::header);
			return response.sendByteArray(Mono.just(answer.body())).then();
		});
	}

	private Mono<Void> reset(HttpServerResponse response) {
		return Mono.create((sink) -> response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close().addListener((done) -> sink.success());
		}));
	}

}
