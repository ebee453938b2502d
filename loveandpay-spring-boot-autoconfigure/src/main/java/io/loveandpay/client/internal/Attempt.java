package io.loveandpay.client.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * One attempt of a call, and whether its request started to go out. The HTTP stack hands
 * the request to the body writer only once a connection is ready; until the writer is
 * called, not a byte of the request has left the machine, so the attempt may be sent
 * again whatever its method.
 */
final class Attempt {

	static final String ATTRIBUTE = Attempt.class.getName();

	/**
	 * Marks the attempt of each request as written. Added innermost, next to the
	 * connector, so that the mark comes after every other filter's work on the body (a
	 * request whose signing fails is never marked).
	 */
	static final ExchangeFilterFunction WRITE_TRACKER = (request, next) -> {
		Attempt tracked = of(request);
		if (tracked == null) {
			return next.exchange(request);
		}
		BodyInserter<?, ? super ClientHttpRequest> body = request.body();
		return next.exchange(ClientRequest.from(request)
			.body((message, context) -> body.insert(tracked.new Tracking(message), context))
			.build());
	};

	private final AtomicBoolean writeStarted = new AtomicBoolean();

	private final int number;

	private final long offsetMillisAtStart;

	Attempt(int number, long offsetMillisAtStart) {
		this.number = number;
		this.offsetMillisAtStart = offsetMillisAtStart;
	}

	int number() {
		return this.number;
	}

	long offsetMillisAtStart() {
		return this.offsetMillisAtStart;
	}

	boolean mayHaveBeenSent() {
		return this.writeStarted.get();
	}

	/**
	 * Mark the attempt as possibly sent: its request is being written.
	 */
	void writeStarted() {
		this.writeStarted.set(true);
	}

	private static @Nullable Attempt of(ClientRequest request) {
		return (request.attributes().get(ATTRIBUTE) instanceof Attempt attempt) ? attempt : null;
	}

	private final class Tracking extends ClientHttpRequestDecorator {

		Tracking(ClientHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			writeStarted();
			return super.writeWith(body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			writeStarted();
			return super.writeAndFlushWith(body);
		}

		@Override
		public Mono<Void> setComplete() {
			writeStarted();
			return super.setComplete();
		}

	}

}
