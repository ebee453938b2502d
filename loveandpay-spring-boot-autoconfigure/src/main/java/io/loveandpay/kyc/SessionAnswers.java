package io.loveandpay.kyc;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayProtocolException;

import static io.loveandpay.kyc.DefaultKycSessionService.CREATE;
import static io.loveandpay.kyc.DefaultKycSessionService.GET;
import static io.loveandpay.kyc.DefaultKycSessionService.LIST;

/**
 * Reads the provider's answers into sessions and pages, failing with a
 * {@link LoveandpayProtocolException} on an answer without what it must have, and telling
 * the listener of undocumented statuses.
 */
final class SessionAnswers {

	private final LoveandpayClientListener listener;

	private final Function<SessionEnvelope, KycSession> got;

	private final Function<SessionEnvelope, KycSession> created;

	SessionAnswers(LoveandpayClientListener listener) {
		this.listener = listener;
		this.got = (envelope) -> checked(session(GET, envelope));
		this.created = (envelope) -> checked(session(CREATE, envelope));
	}

	Function<SessionEnvelope, KycSession> got() {
		return this.got;
	}

	Function<SessionEnvelope, KycSession> created() {
		return this.created;
	}

	Function<SessionListEnvelope, KycSessionPage> page(KycSessionQuery query) {
		return (envelope) -> {
			KycSessionPage page = page(query, envelope);
			page.items().forEach(this::checked);
			return page;
		};
	}

	private KycSession checked(KycSession session) {
		if (!session.status().isKnown()) {
			this.listener.undocumentedValue("KycSession.status");
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

}
