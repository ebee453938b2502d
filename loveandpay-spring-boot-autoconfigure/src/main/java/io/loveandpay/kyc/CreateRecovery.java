package io.loveandpay.kyc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayServerException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.client.internal.LoveandpayApiClient;
import io.loveandpay.client.internal.LoveandpayClockSkew;

import static io.loveandpay.kyc.DefaultKycSessionService.CREATE;

/**
 * Looks for the session that a create whose outcome is unknown may have made, and returns
 * it instead of the failure. The outcome is unknown when the create failed with a
 * {@link LoveandpayOutcomeUnknownException} (sent, then a reset, a timeout or an answer
 * the client cannot use) or a {@link LoveandpayServerException} (a 5xx, which the
 * provider may send after creating); a definite refusal (4xx, 429, or a failure before
 * anything was sent) is never looked for.
 * <p>
 * Only a create with a {@code customerId} is looked for. The newest sessions are listed
 * ({@value #PAGE_SIZE} a page, at most {@value #MAX_PAGES} pages, stopping at the first
 * page that reaches sessions older than the attempt), and a session matches when it has
 * the request's {@code customerId}, the request's {@code customerEmail} (ignoring case),
 * {@code customerPhone} and {@code invoiceId} where the request has them, and was created
 * no earlier than the attempt started, on the provider's clock as the client measured it,
 * less {@link #MARGIN}. Exactly one match is read in full by its id and returned. No
 * match proves nothing (the provider may still be processing the create), and two or more
 * would need a guess: either way the caller gets the original exception, with a
 * suppressed exception that says why when there were several.
 * <p>
 * The reads are ordinary calls: retried as reads, counted against the account's rate
 * limit, observed as {@value #LIST} and {@value #GET}. Together they end within what is
 * left of the create's call timeout. When they fail, the caller gets the original
 * exception with the reads' failure added as suppressed.
 */
final class CreateRecovery {

	/** Operation name of the recovery's list calls. */
	static final String LIST = "kyc.sessions.recover.list";

	/** Operation name of the recovery's read of the session found. */
	static final String GET = "kyc.sessions.recover.get";

	/** Sessions read per page. */
	static final int PAGE_SIZE = 50;

	/** Pages read at most. */
	static final int MAX_PAGES = 2;

	/**
	 * How much earlier than the attempt's start (on the provider's clock) a session may
	 * have been created and still match: the {@code Date} header the offset is measured
	 * from has a resolution of one second, and the offset is not measured at all until
	 * the provider first refuses a timestamp.
	 */
	static final Duration MARGIN = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(CreateRecovery.class);

	private final DefaultKycSessionService sessions;

	private final LoveandpayApiClient client;

	CreateRecovery(DefaultKycSessionService sessions, LoveandpayApiClient client) {
		this.sessions = sessions;
		this.client = client;
	}

	/**
	 * Return the create, recovering from an unknown outcome when the request has a
	 * {@code customerId}.
	 * @param request the request
	 * @param create the create call; subscribed to once per subscription
	 * @return the created or recovered session
	 */
	Mono<KycSession> create(CreateKycSessionRequest request, Mono<KycSession> create) {
		if (request.customerId() == null) {
			return create;
		}
		return Mono.defer(() -> {
			LoveandpayClockSkew skew = this.client.clockSkew();
			Start start = new Start(skew.clock().instant().minus(skew.offset()),
					this.client.scheduler().now(TimeUnit.NANOSECONDS));
			return create.onErrorResume(CreateRecovery::mayHaveCreated,
					(unknown) -> recover(request, start, (LoveandpayException) unknown));
		});
	}

	/**
	 * Whether a create that failed so may have created a session: its outcome is unknown,
	 * or the provider answered with a server error, which it may send after creating.
	 */
	private static boolean mayHaveCreated(Throwable failure) {
		return failure instanceof LoveandpayOutcomeUnknownException
				|| (failure instanceof LoveandpayServerException server && server.statusCode() >= 500);
	}

	private Mono<KycSession> recover(CreateKycSessionRequest request, Start start, LoveandpayException unknown) {
		Scheduler scheduler = this.client.scheduler();
		Duration callTimeout = this.client.policy().callTimeout();
		Duration left = callTimeout.minusNanos(scheduler.now(TimeUnit.NANOSECONDS) - start.nanos());
		if (left.isNegative() || left.isZero()) {
			unknown.addSuppressed(outOfTime(callTimeout));
			return Mono.error(unknown);
		}
		Instant earliest = start.machineTime().plus(this.client.clockSkew().offset()).minus(MARGIN);
		return matches(request, earliest).flatMap((found) -> {
			if (found.isEmpty()) {
				if (logger.isDebugEnabled()) {
					logger.debug(CREATE + " had an unknown outcome; no session created since the attempt matches it "
							+ "among the newest sessions");
				}
				return Mono.error(unknown);
			}
			if (found.size() > 1) {
				unknown.addSuppressed(new LoveandpayException(CREATE,
						CREATE + " had an unknown outcome, and " + found.size() + " sessions created since the attempt "
								+ "match it: the recovery does not choose between them",
						null));
				return Mono.error(unknown);
			}
			return this.sessions.get(GET, found.get(0).id());
		})
			.timeout(left, Mono.error(() -> outOfTime(callTimeout)), scheduler)
			.doOnNext((session) -> logger.info(CREATE + " had an unknown outcome; recovered session " + session.id()))
			.onErrorResume((ex) -> ex != unknown, (ex) -> {
				unknown.addSuppressed(ex);
				return Mono.error(unknown);
			});
	}

	private Mono<List<KycSession>> matches(CreateKycSessionRequest request, Instant earliest) {
		return Mono.defer(() -> {
			Map<UUID, KycSession> found = new LinkedHashMap<>();
			return page(request, earliest, 0, found).then(Mono.fromSupplier(() -> new ArrayList<>(found.values())));
		});
	}

	private Mono<Void> page(CreateKycSessionRequest request, Instant earliest, int page, Map<UUID, KycSession> found) {
		KycSessionQuery query = KycSessionQuery.builder().limit(PAGE_SIZE).offset(page * PAGE_SIZE).build();
		return this.sessions.list(LIST, query).flatMap((result) -> {
			boolean reachedOlder = false;
			for (KycSession session : result.items()) {
				if (session.createdAt().isBefore(earliest)) {
					reachedOlder = true;
				}
				else if (matches(request, session)) {
					found.putIfAbsent(session.id(), session);
				}
			}
			boolean more = !reachedOlder && page + 1 < MAX_PAGES && result.items().size() == query.limit()
					&& result.total() > query.offset() + query.limit();
			return more ? page(request, earliest, page + 1, found) : Mono.empty();
		});
	}

	private static boolean matches(CreateKycSessionRequest request, KycSession session) {
		if (!request.customerId().equals(session.customerId())) {
			return false;
		}
		if (request.customerEmail() != null && !request.customerEmail().equalsIgnoreCase(session.customerEmail())) {
			return false;
		}
		if (request.customerPhone() != null && !request.customerPhone().equals(session.customerPhone())) {
			return false;
		}
		return request.invoiceId() == null || request.invoiceId().equals(session.invoiceId());
	}

	private static LoveandpayTimeoutException outOfTime(Duration callTimeout) {
		return new LoveandpayTimeoutException(LIST,
				CREATE + " had an unknown outcome, and no time was left of its call " + "timeout of "
						+ callTimeout.toMillis() + " ms to look for the session",
				null);
	}

	/**
	 * When an attempt started: this machine's time, and the scheduler's time in
	 * nanoseconds.
	 */
	private record Start(Instant machineTime, long nanos) {

	}

}
