package io.loveandpay.kyc;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayCall;

import org.springframework.util.Assert;

/**
 * {@link KycSessionService} over the signed API client; with create recovery on, a create
 * whose outcome is unknown looks for the session it may have made
 * ({@link CreateRecovery}).
 */
final class DefaultKycSessionService implements KycSessionService {

	static final String GET = "kyc.sessions.get";

	static final String CREATE = "kyc.sessions.create";

	static final String LIST = "kyc.sessions.list";

	private static final String SESSIONS = "/kyc/sessions";

	private static final String SESSION = "/kyc/sessions/{id}";

	static final String CREATE_OUTCOME_ADVICE = "To find out, list the newest sessions and look for the "
			+ "customerId you sent (set one on every create so that you can).";

	private final LoveandpayApiClient client;

	private final SessionAnswers answers;

	private final BlockingKycSessionService blocking;

	private final @Nullable CreateRecovery createRecovery;

	DefaultKycSessionService(LoveandpayApiClient client, boolean createRecovery) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
		this.answers = new SessionAnswers(client.listener(), client.baseUrl());
		this.blocking = new DefaultBlockingKycSessionService(this);
		this.createRecovery = createRecovery ? new CreateRecovery(this, client) : null;
	}

	@Override
	public Mono<KycSession> getSession(UUID id) {
		Assert.notNull(id, "id must not be null");
		return get(GET, id);
	}

	Mono<KycSession> get(String operation, UUID id) {
		LoveandpayCall call = LoveandpayCall.get(operation, SESSION, id).build();
		return this.client.exchange(call, SessionEnvelope.class).map(this.answers.got(operation));
	}

	@Override
	public Mono<KycSession> findSession(UUID id) {
		return getSession(id).onErrorResume(LoveandpayNotFoundException.class, (notFound) -> Mono.empty());
	}

	@Override
	public Mono<KycSession> createSession(CreateKycSessionRequest request) {
		Assert.notNull(request, "request must not be null");
		LoveandpayCall call = LoveandpayCall.post(CREATE, SESSIONS, request.toJson())
			.outcomeUnknownAdvice(CREATE_OUTCOME_ADVICE)
			.build();
		Mono<KycSession> create = this.client.exchange(call, SessionEnvelope.class).map(this.answers.created());
		return (this.createRecovery != null) ? this.createRecovery.create(request, create) : create;
	}

	@Override
	public Mono<KycSessionPage> listSessions(KycSessionQuery query) {
		Assert.notNull(query, "query must not be null");
		return list(LIST, query);
	}

	Mono<KycSessionPage> list(String operation, KycSessionQuery query) {
		LoveandpayCall call = LoveandpayCall.get(operation, SESSIONS)
			.query("limit", query.limit())
			.query("offset", query.offset())
			.query("status", (query.status() != null) ? query.status().value() : null)
			.build();
		return this.client.exchange(call, SessionListEnvelope.class).map(this.answers.page(operation, query));
	}

	@Override
	public Flux<KycSession> streamSessions(KycSessionQuery query) {
		Assert.notNull(query, "query must not be null");
		return Flux.defer(() -> {
			SessionPaging paging = new SessionPaging(query);
			// Ends a page's sessions when more pages follow. It is produced only when the
			// subscriber asks for the session after the page, and only then does the walk
			// go on to read the next page: no page is read ahead of the subscriber.
			Mono<Optional<KycSession>> endOfPage = Mono.just(Optional.empty());
			return Flux.<KycSessionQuery>generate((pages) -> {
				KycSessionQuery next = paging.nextPage();
				if (next != null) {
					pages.next(next);
				}
				else {
					pages.complete();
				}
			}).concatMap((pageQuery) -> listSessions(pageQuery).flatMapMany((page) -> {
				Flux<Optional<KycSession>> sessions = Flux.fromIterable(paging.read(page)).map(Optional::of);
				return paging.finished() ? sessions : sessions.concatWith(endOfPage);
			}), 0).mapNotNull((session) -> session.orElse(null));
		});
	}

	@Override
	public BlockingKycSessionService blocking() {
		return this.blocking;
	}

	@Override
	public String toString() {
		return "KycSessionService";
	}

}
