package io.loveandpay.kyc;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.loveandpay.client.LoveandpayApiClient;
import io.loveandpay.client.LoveandpayCall;
import io.loveandpay.client.LoveandpayNotFoundException;

import org.springframework.util.Assert;

/**
 * {@link KycSessionService} over the signed API client.
 * <p>
 * A bean, so Spring reflects over its methods at start-up and loads every type they name:
 * what reads the answers lives in {@link SessionAnswers}, and the blocking view is made
 * on first use, so that start-up loads neither.
 */
final class DefaultKycSessionService implements KycSessionService {

	static final String GET = "kyc.sessions.get";

	static final String CREATE = "kyc.sessions.create";

	static final String LIST = "kyc.sessions.list";

	private static final String SESSIONS = "/kyc/sessions";

	private static final String SESSION = "/kyc/sessions/{id}";

	private static final String CREATE_OUTCOME_ADVICE = "To find out, list the newest sessions and look for the "
			+ "customerId you sent (set one on every create so that you can).";

	private final LoveandpayApiClient client;

	private volatile @Nullable SessionAnswers answers;

	private volatile @Nullable BlockingKycSessionService blocking;

	DefaultKycSessionService(LoveandpayApiClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	@Override
	public Mono<KycSession> getSession(UUID id) {
		Assert.notNull(id, "id must not be null");
		LoveandpayCall call = LoveandpayCall.get(GET, SESSION, id).build();
		return this.client.exchange(call, SessionEnvelope.class).map(answers().got());
	}

	@Override
	public Mono<KycSession> findSession(UUID id) {
		return getSession(id).onErrorResume(LoveandpayNotFoundException.class, SessionAnswers::none);
	}

	@Override
	public Mono<KycSession> createSession(CreateKycSessionRequest request) {
		Assert.notNull(request, "request must not be null");
		LoveandpayCall call = LoveandpayCall.post(CREATE, SESSIONS, request.toJson())
			.outcomeUnknownAdvice(CREATE_OUTCOME_ADVICE)
			.build();
		return this.client.exchange(call, SessionEnvelope.class).map(answers().created());
	}

	@Override
	public Mono<KycSessionPage> listSessions(KycSessionQuery query) {
		Assert.notNull(query, "query must not be null");
		LoveandpayCall call = LoveandpayCall.get(LIST, SESSIONS)
			.query("limit", query.limit())
			.query("offset", query.offset())
			.query("status", (query.status() != null) ? query.status().value() : null)
			.build();
		return this.client.exchange(call, SessionListEnvelope.class).map(answers().page(query));
	}

	@Override
	public Flux<KycSession> streamSessions(KycSessionQuery query) {
		Assert.notNull(query, "query must not be null");
		return SessionWalk.of(query, this::listSessions);
	}

	@Override
	public BlockingKycSessionService blocking() {
		BlockingKycSessionService blocking = this.blocking;
		if (blocking == null) {
			// Two first uses at once may each make one; either serves.
			blocking = new DefaultBlockingKycSessionService(this);
			this.blocking = blocking;
		}
		return blocking;
	}

	private SessionAnswers answers() {
		SessionAnswers answers = this.answers;
		if (answers == null) {
			// Two first calls at once may each make one; either serves.
			answers = new SessionAnswers(this.client.listener());
			this.answers = answers;
		}
		return answers;
	}

	@Override
	public String toString() {
		return "KycSessionService";
	}

}
