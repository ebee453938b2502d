package io.loveandpay.kyc;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Walks every page of a query, reading the next page only when the subscriber has asked
 * for more sessions than the pages read so far hold, and emitting each session once even
 * when sessions created meanwhile shift later pages.
 */
final class SessionWalk {

	private final FluxSink<KycSession> sink;

	private final KycSessionQuery query;

	private final Function<KycSessionQuery, Mono<KycSessionPage>> pages;

	private final Queue<KycSession> pending = new ArrayDeque<>();

	private final Set<UUID> seen = new HashSet<>();

	private final AtomicLong demand = new AtomicLong();

	private final AtomicInteger wip = new AtomicInteger();

	private volatile int nextOffset;

	private volatile boolean lastPageRead;

	private volatile boolean fetching;

	private volatile boolean finished;

	private volatile Disposable inFlight = () -> {
	};

	private SessionWalk(FluxSink<KycSession> sink, KycSessionQuery query,
			Function<KycSessionQuery, Mono<KycSessionPage>> pages) {
		this.sink = sink;
		this.query = query;
		this.pages = pages;
		this.nextOffset = query.offset();
	}

	static Flux<KycSession> of(KycSessionQuery query, Function<KycSessionQuery, Mono<KycSessionPage>> pages) {
		return Flux.create((sink) -> {
			SessionWalk walk = new SessionWalk(sink, query, pages);
			sink.onDispose(() -> walk.inFlight.dispose());
			sink.onRequest((n) -> {
				walk.demand.accumulateAndGet(n,
						(current, more) -> (current + more < 0) ? Long.MAX_VALUE : current + more);
				walk.drain();
			});
		});
	}

	private void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			boolean empty;
			synchronized (this.pending) {
				while (this.demand.get() > 0 && !this.pending.isEmpty() && !this.sink.isCancelled()) {
					this.demand.decrementAndGet();
					this.sink.next(this.pending.poll());
				}
				empty = this.pending.isEmpty();
			}
			if (empty && !this.fetching && !this.finished) {
				if (this.lastPageRead) {
					this.finished = true;
					this.sink.complete();
				}
				else if (this.demand.get() > 0 && !this.sink.isCancelled()) {
					fetch();
				}
			}
			missed = this.wip.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void fetch() {
		this.fetching = true;
		int offset = this.nextOffset;
		this.inFlight = this.pages.apply(this.query.toBuilder().offset(offset).build())
			.subscribe((page) -> received(offset, page), (error) -> {
				this.finished = true;
				this.sink.error(error);
			});
	}

	private void received(int offset, KycSessionPage page) {
		synchronized (this.pending) {
			for (KycSession session : page.items()) {
				if (this.seen.add(session.id())) {
					this.pending.add(session);
				}
			}
		}
		int following = offset + page.items().size();
		this.lastPageRead = page.items().isEmpty() || following >= page.total();
		this.nextOffset = following;
		this.fetching = false;
		drain();
	}

}
