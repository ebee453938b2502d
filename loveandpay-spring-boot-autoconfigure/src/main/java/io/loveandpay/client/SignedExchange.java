package io.loveandpay.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What {@link LoveandpayApiClient} does on every call: sends a {@link LoveandpayCall}
 * through the signing {@link WebClient} with retries and timers, and decodes the answer
 * or turns it into a typed {@link LoveandpayException}. Made on the client's first call.
 */
final class SignedExchange {

	/** Named after the client: its debug log is the client's. */
	private static final Log logger = LogFactory.getLog(LoveandpayApiClient.class);

	private static final byte[] EMPTY = new byte[0];

	/** An empty body: never written to, and releasing it does nothing. */
	private static final DataBuffer NO_BODY = DefaultDataBufferFactory.sharedInstance.wrap(EMPTY);

	private final Lazy<Http> http;

	private final @Nullable ClientObservations observations;

	private final LoveandpayCallPolicy policy;

	private final LoveandpayClockSkew skew;

	private final LoveandpayClientListener listener;

	SignedExchange(Supplier<WebClient> webClient, LoveandpayCallPolicy policy, LoveandpayClockSkew skew,
			LoveandpayClientListener listener, @Nullable Supplier<? extends @Nullable ObservationRegistry> registry,
			@Nullable Supplier<? extends @Nullable LoveandpayObservationConvention> convention) {
		this.policy = policy;
		this.skew = skew;
		this.listener = listener;
		this.observations = (registry != null)
				? ClientObservations.of(registry.get(), (convention != null) ? convention.get() : null) : null;
		// The WebClient is made when the first call is subscribed to.
		this.http = new Lazy<>(() -> {
			JsonMapper json = JsonMapper.builder().addHandler(new UndocumentedFields(listener)).build();
			return new Http(tracked(webClient.get()), json, new ApiErrors(json, skew), new ConcurrentHashMap<>());
		});
	}

	/**
	 * Return the client with a filter next to the connector that marks each attempt as
	 * written, unless the signing filter is already there and marks them itself.
	 */
	private static WebClient tracked(WebClient webClient) {
		return webClient.mutate().filters((filters) -> {
			boolean signingInnermost = !filters.isEmpty()
					&& filters.get(filters.size() - 1) instanceof LoveandpaySigningFilter;
			if (!signingInnermost) {
				filters.add(Attempt.WRITE_TRACKER);
			}
		}).build();
	}

	/**
	 * Send a call, as {@link LoveandpayApiClient#exchange(LoveandpayCall, Class)}
	 * describes.
	 */
	<T extends LoveandpayEnvelope> Mono<T> exchange(LoveandpayCall call, Class<T> envelopeType) {
		ClientObservations observations = this.observations;
		if (observations == null) {
			return call(call, envelopeType, null);
		}
		return observations.observe(call, (progress) -> call(call, envelopeType, progress));
	}

	private <T extends LoveandpayEnvelope> Mono<T> call(LoveandpayCall call, Class<T> envelopeType,
			@Nullable CallProgress progress) {
		Duration callTimeout = this.policy.callTimeout();
		// Every error that leaves a call is a LoveandpayException: attempts translate
		// what they fail with, and what fails around them is translated where it
		// happens, without an error-mapping operator on every call.
		return Mono.defer(() -> {
			try {
				Retries retries = new Retries(call, this.policy, this.skew, System.nanoTime() + callTimeout.toNanos());
				return attempt(call, envelopeType, retries, progress);
			}
			catch (RuntimeException ex) {
				return Mono.error(Failures.translate(call, ex, true));
			}
		});
	}

	private <T extends LoveandpayEnvelope> Mono<T> attempt(LoveandpayCall call, Class<T> envelopeType, Retries retries,
			@Nullable CallProgress progress) {
		Attempt attempt = retries.next();
		if (progress != null) {
			progress.attemptStarted();
		}
		// One timer an attempt: the attempt's own limit, or what is left of the call's,
		// whichever ends first. Waits between attempts never run past the call's end.
		Duration left = retries.timeLeft();
		boolean callEndsFirst = left.compareTo(this.policy.attemptTimeout()) < 0;
		Duration limit = callEndsFirst ? left : this.policy.attemptTimeout();
		// Called when the call or a retry is subscribed to, so the request is made here
		// and now, without an operator of its own.
		Mono<T> sent;
		try {
			sent = send(call, envelopeType, attempt, progress);
		}
		catch (RuntimeException ex) {
			sent = Mono.error(ex);
		}
		Supplier<Throwable> timedOut = () -> callEndsFirst
				? new Failures.CallTimeoutException(this.policy.callTimeout())
				: new TimeoutException("Attempt " + attempt.number() + " took longer than " + limit.toMillis() + " ms");
		return AttemptTimer.timeout(sent, limit, timedOut).onErrorResume((ex) -> {
			try {
				return retryOrFail(call, envelopeType, retries, progress, attempt, ex);
			}
			catch (RuntimeException unexpected) {
				return Mono.error(Failures.translate(call, unexpected, true));
			}
		});
	}

	private <T extends LoveandpayEnvelope> Mono<T> retryOrFail(LoveandpayCall call, Class<T> envelopeType,
			Retries retries, @Nullable CallProgress progress, Attempt attempt, Throwable ex) {
		LoveandpayException failure = Failures.translate(call, ex, attempt.mayHaveBeenSent());
		Retries.Decision decision = retries.decide(attempt, failure);
		if (decision == null) {
			return Mono.error(failure);
		}
		Duration delay = decision.delay();
		this.listener.retrying(call.operation(), decision.reason());
		if (logger.isDebugEnabled()) {
			logger.debug(call.operation() + " attempt " + attempt.number() + " failed (" + failure.getMessage()
					+ "); retrying in " + delay.toMillis() + " ms");
		}
		return Mono.delay(delay)
			.then(Mono.defer(() -> attempt(call, envelopeType, retries, progress)))
			.onErrorMap((next) -> !(next instanceof LoveandpayException),
					(next) -> Failures.translate(call, next, true));
	}

	private <T extends LoveandpayEnvelope> Mono<T> send(LoveandpayCall call, Class<T> envelopeType, Attempt attempt,
			@Nullable CallProgress progress) {
		Http http = this.http.get();
		WebClient.RequestBodySpec request = http.webClient()
			.method(call.method())
			.uri(call.uriTemplate(), call.uriVariables())
			.attribute(Attempt.ATTRIBUTE, attempt);
		Object body = call.body();
		byte[] bytes = null;
		if (body != null) {
			bytes = http.json().writeValueAsBytes(body);
			if (logger.isDebugEnabled()) {
				logger.debug(call + " attempt " + attempt.number() + " sends "
						+ DebugBodies.render(http.json(), bytes, MediaType.APPLICATION_JSON));
			}
			request.contentType(MediaType.APPLICATION_JSON);
		}
		request.body(new ClientBody(attempt, bytes));
		return request.exchangeToMono((response) -> {
			if (progress != null) {
				progress.answered(response.statusCode().value());
			}
			return receive(call, response, envelopeType, http);
		});
	}

	private <T extends LoveandpayEnvelope> Mono<T> receive(LoveandpayCall call, ClientResponse response,
			Class<T> envelopeType, Http http) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		boolean success = status >= 200 && status < 300;
		boolean debug = logger.isDebugEnabled();
		if (success && !debug) {
			// Decoded straight from the connector's buffers, as a bare WebClient does.
			return response.bodyToMono(DataBuffer.class)
				.defaultIfEmpty(NO_BODY)
				.map((buffer) -> decode(call, status, headers, buffer, envelopeType, http));
		}
		Mono<byte[]> body = response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY);
		if (!success) {
			// The status says what happened; an unreadable error body only loses details.
			body = body.onErrorReturn(EMPTY);
		}
		if (debug) {
			body = body.doOnNext((bytes) -> logger.debug(call + " answered HTTP " + status + ": "
					+ DebugBodies.render(http.json(), bytes, headers.getContentType())));
		}
		if (success) {
			return body.map((bytes) -> decode(call, status, headers,
					DefaultDataBufferFactory.sharedInstance.wrap(bytes), envelopeType, http));
		}
		return body.flatMap((bytes) -> Mono.error(http.errors().fromResponse(call, status, headers, bytes)));
	}

	/**
	 * Decode a successful answer, releasing its buffer.
	 */
	private <T extends LoveandpayEnvelope> T decode(LoveandpayCall call, int status, HttpHeaders headers,
			DataBuffer body, Class<T> envelopeType, Http http) {
		T envelope;
		try {
			envelope = read(call, status, headers, body, envelopeType, http);
		}
		catch (LoveandpayProtocolException ex) {
			if (call.idempotent()) {
				throw ex;
			}
			throw Failures.outcomeUnknown(call, "HTTP " + status + " with an unreadable body", ex);
		}
		finally {
			DataBufferUtils.release(body);
		}
		if (Boolean.FALSE.equals(envelope.success())) {
			throw http.errors().fromEnvelope(call, status, headers, envelope.error());
		}
		return envelope;
	}

	private <T extends LoveandpayEnvelope> T read(LoveandpayCall call, int status, HttpHeaders headers, DataBuffer body,
			Class<T> envelopeType, Http http) {
		String operation = call.operation();
		MediaType contentType = headers.getContentType();
		if (!ApiErrors.isJson(contentType)) {
			throw new LoveandpayProtocolException(operation, operation + " expected JSON but received HTTP " + status
					+ " with " + contentType.getType() + "/" + contentType.getSubtype(), null);
		}
		if (body.readableByteCount() == 0) {
			throw new LoveandpayProtocolException(operation,
					operation + " expected JSON but received HTTP " + status + " with an empty body", null);
		}
		try {
			T envelope = http.reader(envelopeType).readValue(body.asInputStream());
			if (envelope == null) {
				throw new LoveandpayProtocolException(operation,
						operation + " expected a JSON object but received null", null);
			}
			return envelope;
		}
		catch (JacksonException ex) {
			throw new LoveandpayProtocolException(operation,
					operation + " could not decode the answer: " + describe(ex), Redaction.redactedCopy(ex));
		}
	}

	private static String describe(JacksonException ex) {
		String kind = ex.getClass().getSimpleName();
		List<JacksonException.Reference> path = ex.getPath();
		if (path.isEmpty()) {
			return kind;
		}
		StringBuilder where = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!where.isEmpty()) {
					where.append('.');
				}
				where.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				where.append('[').append(reference.getIndex()).append(']');
			}
		}
		return kind + " at '" + where + "'";
	}

	/**
	 * What a call needs, made on the first call.
	 */
	private record Http(WebClient webClient, JsonMapper json, ApiErrors errors, Map<Class<?>, ObjectReader> readers) {

		/**
		 * Return a reader for the type, made once: a reader holds its root deserializer,
		 * where the mapper looks it up in a shared cache on every read.
		 */
		ObjectReader reader(Class<?> type) {
			ObjectReader reader = this.readers.get(type);
			if (reader == null) {
				reader = this.readers.computeIfAbsent(type, this.json::readerFor);
			}
			return reader;
		}

	}

}
