package io.loveandpay.kyc;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.util.Assert;

/**
 * The blocking view of {@link KycSessionService}. Each method waits for the answer on the
 * calling thread, bounded by the client's timeouts, and throws the same
 * {@link io.loveandpay.client.LoveandpayException}s. Called on a non-blocking thread
 * (such as a WebFlux event loop) each method throws {@link IllegalStateException}: use
 * the reactive method there.
 *
 * @since 0.1.0
 */
public interface BlockingKycSessionService {

	/**
	 * Read a session.
	 * @param id the session's id
	 * @return the session
	 * @see KycSessionService#getSession(UUID)
	 */
	KycSession getSession(UUID id);

	/**
	 * Read a session that may not exist.
	 * @param id the session's id
	 * @return the session, or empty when there is none
	 * @see KycSessionService#findSession(UUID)
	 */
	Optional<KycSession> findSession(UUID id);

	/**
	 * Create a session; never retried.
	 * @param request what to create the session with
	 * @return the new session
	 * @see KycSessionService#createSession(CreateKycSessionRequest)
	 */
	KycSession createSession(CreateKycSessionRequest request);

	/**
	 * Read one page of sessions.
	 * @param query the page to read
	 * @return the page
	 * @see KycSessionService#listSessions(KycSessionQuery)
	 */
	KycSessionPage listSessions(KycSessionQuery query);

	/**
	 * Stream every session from the query's offset on, reading a page when the stream
	 * needs it. Nothing is sent until the stream's terminal operation starts. Close the
	 * stream (try-with-resources) when you stop before its end.
	 * @param query where to start, the page size and the status filter
	 * @return the sessions, lazily
	 * @see KycSessionService#streamSessions(KycSessionQuery)
	 */
	Stream<KycSession> streamSessions(KycSessionQuery query);

	/**
	 * Return the blocking view of a reactive service, which waits for each of its
	 * answers.
	 * @param reactive the reactive service
	 * @return the blocking service
	 */
	static BlockingKycSessionService create(KycSessionService reactive) {
		Assert.notNull(reactive, "'reactive' must not be null");
		return new DefaultBlockingKycSessionService(reactive);
	}

}
