package io.loveandpay.kyc;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.loveandpay.client.LoveandpayApiClient;
import io.loveandpay.client.LoveandpayCall;
import io.loveandpay.client.LoveandpayNotFoundException;
import io.loveandpay.client.LoveandpayProtocolException;

import org.springframework.util.Assert;

/**
 * {@link KycSessionService} over the signed API client.
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

	private final BlockingKycSessionService blocking;

	DefaultKycSessionService(LoveandpayApiClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
		this.blocking = new DefaultBlockingKycSessionService(this);
	}

	@Override
	public Mono<KycSession> getSession(UUID id) {
		Assert.notNull(id, "id must not be null");
		LoveandpayCall call = LoveandpayCall.get(GET, SESSION, id).build();
		return this.client.exchange(call, SessionEnvelope.class).map((envelope) -> checked(session(GET, envelope)));
	}

	@Override
	public Mono<KycSession> findSession(UUID id) {
		return getSession(id).onErrorResume(LoveandpayNotFoundException.class, (ex) -> Mono.empty());
	}

	@Override
	public Mono<KycSession> createSession(CreateKycSessionRequest request) {
		Assert.notNull(request, "request must not be null");
		LoveandpayCall call = LoveandpayCall.post(CREATE, SESSIONS, request.toJson())
			.outcomeUnknownAdvice(CREATE_OUTCOME_ADVICE)
			.build();
		return this.client.exchange(call, SessionEnvelope.class).map((envelope) -> checked(session(CREATE, envelope)));
	}

	@Override
	public Mono<KycSessionPage> listSessions(KycSessionQuery query) {
		Assert.notNull(query, "query must not be null");
		LoveandpayCall call = LoveandpayCall.get(LIST, SESSIONS)
			.query("limit", query.limit())
			.query("offset", query.offset())
			.query("status", (query.status() != null) ? query.status().value() : null)
			.build();
		return this.client.exchange(call, SessionListEnvelope.class).map((envelope) -> {
			KycSessionPage page = page(query, envelope);
			page.items().forEach(this::checked);
			return page;
		});
	}

	@Override
	public Flux<KycSession> streamSessions(KycSessionQuery query) {
		Assert.notNull(query, "query must not be null");
		return SessionWalk.of(query, this::listSessions);
	}

	@Override
	public BlockingKycSessionService blocking() {
		return this.blocking;
	}

	private KycSession checked(KycSession session) {
		if (!session.status().isKnown()) {
			this.client.listener().undocumentedValue("KycSession.status");
		}
		return session;
	}

	private static KycSession session(String operation, SessionEnvelope envelope) {
		KycSession session = envelope.session();
		if (session == null) {
			throw missing(operation, "session");
		}
		return session;
	}

	private static KycSessionPage page(KycSessionQuery query, SessionListEnvelope envelope) {
		List<KycSession> data = envelope.data();
		SessionListEnvelope.Pagination pagination = envelope.pagination();
		if (data == null) {
			throw missing(LIST, "data");
		}
		if (pagination == null || pagination.total() == null) {
			throw missing(LIST, "pagination.total");
		}
		if (data.contains(null)) {
			throw new LoveandpayProtocolException(LIST, LIST + " received a null item in 'data'", null);
		}
		int limit = orDefault(pagination.limit(), query.limit());
		int offset = orDefault(pagination.offset(), query.offset());
		int pages = orDefault(pagination.pages(), (pagination.total() + limit - 1) / limit);
		return new KycSessionPage(data, pagination.total(), limit, offset, pages);
	}

	private static int orDefault(@Nullable Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

	private static LoveandpayProtocolException missing(String operation, String field) {
		return new LoveandpayProtocolException(operation, operation + " received an answer without '" + field + "'",
				null);
	}

	@Override
	public String toString() {
		return "KycSessionService";
	}

}
