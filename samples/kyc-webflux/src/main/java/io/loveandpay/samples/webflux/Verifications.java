package io.loveandpay.samples.webflux;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.loveandpay.kyc.KycSession;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The application's own state of its verifications, in memory, and a stream of each one's
 * changes that replays the latest state to every new subscriber: a status page opened
 * after the webhook arrived shows the outcome at once. A real application keeps this in
 * its database.
 */
@Component
class Verifications {

	private final Map<String, Entry> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idBySession = new ConcurrentHashMap<>();

	/**
	 * Remember a verification whose session was just created.
	 * @param id the application's id of the verification
	 * @param session the provider's session
	 * @return the application's view of it, under the application's id
	 */
	Verification started(String id, KycSession session) {
		Verification verification = new Verification(id, session.status().value(), null, session.verificationUrl());
		this.byId.put(id, new Entry(verification));
		this.idBySession.put(session.id().toString(), id);
		return verification;
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	Optional<Verification> find(String id) {
		Entry entry = this.byId.get(id);
		return (entry != null) ? Optional.of(entry.current) : Optional.empty();
	}

	/**
	 * Return the verification's states: the current one, then each change until its
	 * outcome, or empty for a verification the application does not know.
	 * @param id the application's id of the verification
	 * @return the states
	 */
	Flux<Verification> updates(String id) {
		Entry entry = this.byId.get(id);
		return (entry != null) ? entry.sink.asFlux() : Flux.empty();
	}

	/**
	 * Record the outcome the provider reported for one of its sessions. An outcome never
	 * changes, so a later report of the same session is ignored.
	 * @param sessionId the provider's session id
	 * @param status {@link Verification#APPROVED} or {@link Verification#REJECTED}
	 * @param reason the reason code of a rejection
	 * @return whether the session is one this application started
	 */
	boolean finished(String sessionId, String status, @Nullable String reason) {
		String id = this.idBySession.get(sessionId);
		Entry entry = (id != null) ? this.byId.get(id) : null;
		if (entry == null) {
			return false;
		}
		entry.finish(status, reason);
		return true;
	}

	private static final class Entry {

		private final Sinks.Many<Verification> sink = Sinks.many().replay().latest();

		private volatile Verification current;

		Entry(Verification verification) {
			this.current = verification;
			this.sink.emitNext(verification, Sinks.EmitFailureHandler.FAIL_FAST);
		}

		synchronized void finish(String status, @Nullable String reason) {
			if (this.current.finished()) {
				return;
			}
			this.current = this.current.finish(status, reason);
			this.sink.emitNext(this.current, Sinks.EmitFailureHandler.FAIL_FAST);
			this.sink.emitComplete(Sinks.EmitFailureHandler.FAIL_FAST);
		}

	}

}
