package io.loveandpay.kyc;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayProtocolException;

import static io.loveandpay.kyc.DefaultKycSessionService.CREATE;
import static io.loveandpay.kyc.DefaultKycSessionService.CREATE_OUTCOME_ADVICE;
import static io.loveandpay.kyc.DefaultKycSessionService.GET;
import static io.loveandpay.kyc.DefaultKycSessionService.LIST;

/**
 * Reads the provider's answers into sessions and pages, failing with a
 * {@link LoveandpayProtocolException} that names the field (never its value) on an answer
 * that lacks what it must have or holds what cannot be: a session without id, status or
 * creation time; a verification score outside 0 to 1; paging figures below zero, a page
 * size outside 1 to {@value KycSessionQuery#MAX_LIMIT}, more sessions than the page size,
 * or a page for another offset than the one asked; a {@code verificationUrl} that
 * {@link VerificationUrls} refuses. Tells the listener of undocumented statuses.
 * <p>
 * A create answer the client cannot use fails as one it cannot read does: with a
 * {@link LoveandpayOutcomeUnknownException} whose cause is the protocol error, since the
 * provider has most likely created a session that the caller cannot see.
 */
final class SessionAnswers {

	private final LoveandpayClientListener listener;

	private final VerificationUrls verificationUrls;

	private final Function<SessionEnvelope, KycSession> got;

	private final Function<SessionEnvelope, KycSession> created;

	SessionAnswers(LoveandpayClientListener listener, @Nullable URI apiBaseUrl) {
		this.listener = listener;
		this.verificationUrls = new VerificationUrls(apiBaseUrl);
		this.got = (envelope) -> session(GET, envelope);
		this.created = (envelope) -> {
			try {
				return session(CREATE, envelope);
			}
			catch (LoveandpayProtocolException ex) {
				throw new LoveandpayOutcomeUnknownException(CREATE, CREATE
						+ " may or may not have taken effect: the provider answered, but with a session the client "
						+ "cannot use (" + ex.getMessage() + "). It is not retried, because the provider has no "
						+ "idempotency keys. " + CREATE_OUTCOME_ADVICE, ex);
			}
		};
	}

	Function<SessionEnvelope, KycSession> got() {
		return this.got;
	}

	Function<SessionEnvelope, KycSession> created() {
		return this.created;
	}

	Function<SessionListEnvelope, KycSessionPage> page(KycSessionQuery query) {
		return page(LIST, query);
	}

	Function<SessionListEnvelope, KycSessionPage> page(String operation, KycSessionQuery query) {
		return (envelope) -> page(operation, query, envelope);
	}

	Function<SessionEnvelope, KycSession> got(String operation) {
		return (envelope) -> session(operation, envelope);
	}

	private KycSession session(String operation, SessionEnvelope envelope) {
		SessionItem item = envelope.session();
		if (item == null) {
			throw missing(operation, "session");
		}
		return session(operation, "session", item);
	}

	private KycSession session(String operation, String where, SessionItem item) {
		if (item.id() == null) {
			throw missing(operation, where + ".id");
		}
		if (item.status() == null) {
			throw missing(operation, where + ".status");
		}
		if (item.createdAt() == null) {
			throw missing(operation, where + ".createdAt");
		}
		if (item.verificationUrl() != null && !this.verificationUrls.isSafe(item.verificationUrl())) {
			throw new LoveandpayProtocolException(operation,
					operation + " received an answer whose '" + where
							+ ".verificationUrl' is not an absolute https URL of at most " + VerificationUrls.MAX_LENGTH
							+ " characters",
					null);
		}
		KycVerification verification = item.verification();
		if (verification != null) {
			requireScore(operation, where + ".verification.faceMatchScore", verification.faceMatchScore());
			requireScore(operation, where + ".verification.livenessScore", verification.livenessScore());
		}
		if (!item.status().isKnown()) {
			this.listener.undocumentedValue("KycSession.status");
		}
		return new KycSession(item.id(), item.sessionId(), item.invoiceId(), item.customerId(), item.customerEmail(),
				item.customerPhone(), item.status(), item.verificationUrl(), item.verification(), item.expiresAt(),
				item.createdAt());
	}

	private KycSessionPage page(String operation, KycSessionQuery query, SessionListEnvelope envelope) {
		List<SessionItem> data = envelope.data();
		SessionListEnvelope.Pagination pagination = envelope.pagination();
		if (data == null) {
			throw missing(operation, "data");
		}
		if (pagination == null || pagination.total() == null) {
			throw missing(operation, "pagination.total");
		}
		int total = pagination.total();
		requireAtLeast(operation, 0, total, "pagination.total");
		int limit = orDefault(pagination.limit(), query.limit());
		requireAtLeast(operation, 1, limit, "pagination.limit");
		if (limit > KycSessionQuery.MAX_LIMIT) {
			throw impossible(operation, "pagination.limit", "above " + KycSessionQuery.MAX_LIMIT);
		}
		int offset = orDefault(pagination.offset(), query.offset());
		requireAtLeast(operation, 0, offset, "pagination.offset");
		if (offset != query.offset()) {
			throw impossible(operation, "pagination.offset", "another offset than the one asked");
		}
		int pages = orDefault(pagination.pages(), (int) ((total + (long) limit - 1) / limit));
		requireAtLeast(operation, 0, pages, "pagination.pages");
		if (data.size() > limit) {
			throw impossible(operation, "data", "more sessions than 'pagination.limit'");
		}
		List<KycSession> sessions = new ArrayList<>(data.size());
		for (int i = 0; i < data.size(); i++) {
			SessionItem item = data.get(i);
			if (item == null) {
				throw new LoveandpayProtocolException(operation, operation + " received a null item in 'data'", null);
			}
			sessions.add(session(operation, "data[" + i + "]", item));
		}
		return new KycSessionPage(sessions, total, limit, offset, pages);
	}

	private static void requireScore(String operation, String field, @Nullable Double score) {
		if (score != null && !(score >= 0 && score <= 1)) {
			throw new LoveandpayProtocolException(operation,
					operation + " received an answer whose '" + field + "' is not between 0 and 1", null);
		}
	}

	private static void requireAtLeast(String operation, int least, int value, String field) {
		if (value < least) {
			throw impossible(operation, field, "below " + least);
		}
	}

	private static int orDefault(@Nullable Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

	private static LoveandpayProtocolException missing(String operation, String field) {
		return new LoveandpayProtocolException(operation, operation + " received an answer without '" + field + "'",
				null);
	}

	private static LoveandpayProtocolException impossible(String operation, String field, String why) {
		return new LoveandpayProtocolException(operation,
				operation + " received an answer whose '" + field + "' cannot be right: " + why, null);
	}

}
