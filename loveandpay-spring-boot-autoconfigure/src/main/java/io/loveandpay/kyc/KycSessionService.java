package io.loveandpay.kyc;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.loveandpay.client.internal.LoveandpayApiClient;

/**
 * Creates, reads and lists KYC sessions. Thread-safe; one instance serves the whole
 * application. Nothing is sent until a result is subscribed to. Errors are
 * {@link io.loveandpay.client.LoveandpayException}s; a caller's mistake (a {@code null}
 * id, an invalid request) is refused with an {@link IllegalArgumentException} before
 * anything is sent.
 *
 * @since 0.1.0
 * @see BlockingKycSessionService
 */
public interface KycSessionService {

	/**
	 * Read a session.
	 * @param id the session's {@link KycSession#id() id}
	 * @return the session; fails with
	 * {@link io.loveandpay.client.LoveandpayNotFoundException} when there is none
	 */
	Mono<KycSession> getSession(UUID id);

	/**
	 * Read a session that may not exist.
	 * @param id the session's {@link KycSession#id() id}
	 * @return the session, or empty when there is none
	 */
	Mono<KycSession> findSession(UUID id);

	/**
	 * Create a session. The request is sent once and never retried: if it was sent but no
	 * complete answer came back, or the answer holds a session the client cannot use
	 * (such as a {@code verificationUrl} that is not an absolute {@code https} URL), the
	 * outcome is unknown. With create recovery on and a {@code customerId} in the
	 * request, the service then lists the newest sessions and, when exactly one has the
	 * request's {@code customerId} (and its e-mail, phone and invoice, where set) and was
	 * created since the attempt, reads it and returns it. Otherwise the result fails with
	 * {@link io.loveandpay.client.LoveandpayOutcomeUnknownException}; a failure of those
	 * reads is added to it as suppressed. Subscribing again sends another create.
	 * @param request what to create the session with
	 * @return the new session, with its {@link KycSession#verificationUrl()}
	 */
	Mono<KycSession> createSession(CreateKycSessionRequest request);

	/**
	 * Read one page of sessions.
	 * @param query the page to read
	 * @return the page
	 */
	Mono<KycSessionPage> listSessions(KycSessionQuery query);

	/**
	 * Stream every session from the query's offset on, reading page by page as the
	 * subscriber asks for more. Sessions created while paging shift later pages; a
	 * session seen once is never emitted again.
	 * @param query where to start, the page size and the status filter
	 * @return the sessions
	 */
	Flux<KycSession> streamSessions(KycSessionQuery query);

	/**
	 * Return a blocking view of this service, for code that runs on its own thread
	 * (Spring MVC, scheduled jobs, virtual threads).
	 * @return the blocking service
	 */
	BlockingKycSessionService blocking();

	/**
	 * Create the service on a client, with create recovery on.
	 * @param client the signed API client
	 * @return the service
	 * @see #create(LoveandpayApiClient, boolean)
	 */
	static KycSessionService create(LoveandpayApiClient client) {
		return create(client, true);
	}

	/**
	 * Create the service on a client.
	 * @param client the signed API client
	 * @param createRecovery whether a create whose outcome is unknown and whose request
	 * has a {@code customerId} looks for the session it may have created among the newest
	 * sessions, and returns it instead of failing (see
	 * {@link #createSession(CreateKycSessionRequest)})
	 * @return the service
	 * @since 0.1.0
	 */
	static KycSessionService create(LoveandpayApiClient client, boolean createRecovery) {
		return new DefaultKycSessionService(client, createRecovery);
	}

}
