package io.loveandpay.kyc;

import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link BlockingKycSessionService} that waits on the reactive service.
 */
final class DefaultBlockingKycSessionService implements BlockingKycSessionService {

	private final KycSessionService reactive;

	DefaultBlockingKycSessionService(KycSessionService reactive) {
		this.reactive = reactive;
	}

	@Override
	public KycSession getSession(UUID id) {
		requireBlockingAllowed("getSession");
		return await(this.reactive.getSession(id));
	}

	@Override
	public Optional<KycSession> findSession(UUID id) {
		requireBlockingAllowed("findSession");
		return this.reactive.findSession(id).blockOptional();
	}

	@Override
	public KycSession createSession(CreateKycSessionRequest request) {
		requireBlockingAllowed("createSession");
		return await(this.reactive.createSession(request));
	}

	@Override
	public KycSessionPage listSessions(KycSessionQuery query) {
		requireBlockingAllowed("listSessions");
		return await(this.reactive.listSessions(query));
	}

	@Override
	public Stream<KycSession> streamSessions(KycSessionQuery query) {
		requireBlockingAllowed("streamSessions");
		Flux<KycSession> sessions = this.reactive.streamSessions(query);
		AtomicReference<PullIterator<KycSession>> started = new AtomicReference<>();
		Stream<KycSession> lazy = StreamSupport.stream(() -> {
			requireBlockingAllowed("streamSessions");
			PullIterator<KycSession> iterator = PullIterator.of(sessions);
			started.set(iterator);
			return Spliterators.spliteratorUnknownSize(iterator,
					Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
		}, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT, false);
		return lazy.onClose(() -> {
			PullIterator<KycSession> iterator = started.get();
			if (iterator != null) {
				iterator.close();
			}
		});
	}

	private static <T> T await(Mono<T> result) {
		T value = result.block();
		if (value == null) {
			throw new IllegalStateException("The reactive service completed without a value");
		}
		return value;
	}

	private static void requireBlockingAllowed(String method) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("BlockingKycSessionService." + method
					+ " was called on the non-blocking thread '" + Thread.currentThread().getName()
					+ "', where waiting would stall the event loop. Use KycSessionService." + method
					+ " there and compose its result instead.");
		}
	}

	@Override
	public String toString() {
		return "BlockingKycSessionService";
	}

}
