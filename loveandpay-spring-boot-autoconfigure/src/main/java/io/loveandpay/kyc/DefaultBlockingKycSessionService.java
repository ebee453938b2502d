package io.loveandpay.kyc;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

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
		Assert.notNull(query, "query must not be null");
		// Pulled page by page: a page is read when the caller wants a session after the
		// pages read so far, and not before.
		SessionPaging paging = new SessionPaging(query);
		return Stream.iterate(paging.nextPage(), Objects::nonNull, (previous) -> paging.nextPage()).map((page) -> {
			requireBlockingAllowed("streamSessions");
			return await(this.reactive.listSessions(page));
		}).flatMap((page) -> paging.read(page).stream());
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
