package io.loveandpay.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import io.micrometer.observation.ObservationRegistry;
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
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The signed JSON exchange shared by every API area: sends a {@link LoveandpayCall}
 * through a {@link WebClient} whose base URL ends in {@code /api/v2} and which signs
 * every request, then decodes the answer or turns it into a typed
 * {@link LoveandpayException}.
 * <p>
 * JSON is read and written with a mapper of the client's own, so the application's
 * Jackson settings never change what is sent to or read from the provider.
 * <p>
 * Give the {@code WebClient} its base URL as a {@link LoveandpayUriBuilderFactory}
 * ({@code WebClient.Builder#uriBuilderFactory}) rather than with {@code baseUrl}: the
 * URIs are the same, but no request parses its template.
 *
 * @since 0.1.0
 */
public final class LoveandpayApiClient {

	private static final Log logger = LogFactory.getLog(LoveandpayApiClient.class);

	private static final byte[] EMPTY = new byte[0];

	/** An empty body: never written to, and releasing it does nothing. */
	private static final DataBuffer NO_BODY = DefaultDataBufferFactory.sharedInstance.wrap(EMPTY);

	private final Lazy<Http> http;

	private final Lazy<Optional<ClientObservations>> observations;

	private final LoveandpayCallPolicy policy;

	private final LoveandpayClockSkew skew;

	private final LoveandpayClientListener listener;

	/**
	 * Create a client that is not observed.
	 * @param webClient a client with the API's base URL (ending in {@code /api/v2}) and a
	 * {@link LoveandpaySigningFilter} that signs with {@code skew.clock()}
	 * @param policy timeouts and retries
	 * @param skew the clock offset to the provider, corrected when the provider refuses a
	 * request as {@code TIMESTAMP_EXPIRED}
	 */
	public LoveandpayApiClient(WebClient webClient, LoveandpayCallPolicy policy, LoveandpayClockSkew skew) {
		this(builder(webClient).policy(policy).clockSkew(skew));
	}

	private LoveandpayApiClient(Builder builder) {
		this.policy = builder.policy;
		this.skew = (builder.skew != null) ? builder.skew : new LoveandpayClockSkew(java.time.Clock.systemUTC());
		this.listener = builder.listener;
		Supplier<? extends @Nullable ObservationRegistry> registry = builder.observationRegistry;
		Supplier<? extends @Nullable LoveandpayObservationConvention> convention = builder.observationConvention;
		this.observations = new Lazy<>(() -> Optional.ofNullable((registry != null)
				? ClientObservations.of(registry.get(), (convention != null) ? convention.get() : null) : null));
		Supplier<WebClient> webClient = builder.webClient;
		LoveandpayClockSkew skew = this.skew;
		LoveandpayClientListener listener = this.listener;
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
	 * Start building a client.
	 * @param webClient a client with the API's base URL (ending in {@code /api/v2}) and a
	 * {@link LoveandpaySigningFilter} that signs with the clock of the
	 * {@link Builder#clockSkew(LoveandpayClockSkew) clock skew}
	 * @return a builder
	 */
	public static Builder builder(WebClient webClient) {
		Assert.notNull(webClient, "'webClient' must not be null");
		return new Builder(() -> webClient);
	}

	/**
	 * Start building a client whose {@link WebClient} is made on the first call, so that
	 * an application's start-up pays nothing for it.
	 * @param webClient makes a client as {@link #builder(WebClient)} describes; called
	 * once
	 * @return a builder
	 */
	public static Builder builder(Supplier<WebClient> webClient) {
		Assert.notNull(webClient, "'webClient' must not be null");
		return new Builder(webClient);
	}

	/**
	 * Return the measured offset between this machine's clock and the provider's.
	 * @return the clock skew
	 */
	public LoveandpayClockSkew clockSkew() {
		return this.skew;
	}

	/**
	 * Return the listener that hears retries and undocumented values.
	 * @return the listener
	 */
	public LoveandpayClientListener listener() {
		return this.listener;
	}

	/**
	 * Send a call, retrying as the {@link LoveandpayCallPolicy} allows, and decode its
	 * answer. The call is one observation, retries included. Nothing is sent until the
	 * result is subscribed to; every subscription is a new call, so never resubscribe to
	 * a call that is not {@linkplain LoveandpayCall#idempotent() idempotent}.
	 * @param <T> the envelope type
	 * @param call the call
	 * @param envelopeType the type the answer decodes to
	 * @return the decoded answer, or an error that is a {@link LoveandpayException}
	 */
	public <T extends LoveandpayEnvelope> Mono<T> exchange(LoveandpayCall call, Class<T> envelopeType) {
		ClientObservations observations = this.observations.get().orElse(null);
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

	@Override
	public String toString() {
		return "LoveandpayApiClient";
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

	/**
	 * Builds a {@link LoveandpayApiClient}.
	 */
	public static final class Builder {

		private final Supplier<WebClient> webClient;

		private LoveandpayCallPolicy policy = LoveandpayCallPolicy.defaults();

		private @Nullable LoveandpayClockSkew skew;

		private @Nullable Supplier<? extends @Nullable ObservationRegistry> observationRegistry;

		private @Nullable Supplier<? extends @Nullable LoveandpayObservationConvention> observationConvention;

		private LoveandpayClientListener listener = LoveandpayClientListener.NONE;

		private Builder(Supplier<WebClient> webClient) {
			this.webClient = webClient;
		}

		/**
		 * Set the timeouts and retries.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder policy(LoveandpayCallPolicy policy) {
			Assert.notNull(policy, "'policy' must not be null");
			this.policy = policy;
			return this;
		}

		/**
		 * Set the clock offset to the provider; its clock must be the signing filter's.
		 * @param skew the clock skew
		 * @return this builder
		 */
		public Builder clockSkew(LoveandpayClockSkew skew) {
			Assert.notNull(skew, "'skew' must not be null");
			this.skew = skew;
			return this;
		}

		/**
		 * Observe every call in this registry.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
			this.observationRegistry = () -> observationRegistry;
			return this;
		}

		/**
		 * Observe every call in the registry that the supplier gives on the first call,
		 * so that an application's start-up pays nothing for looking it up.
		 * @param observationRegistry gives the registry, or {@code null} for none; called
		 * once
		 * @return this builder
		 */
		public Builder observationRegistry(Supplier<? extends @Nullable ObservationRegistry> observationRegistry) {
			Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Name and tag observations with this convention instead of
		 * {@link DefaultLoveandpayObservationConvention}.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable LoveandpayObservationConvention observationConvention) {
			this.observationConvention = () -> observationConvention;
			return this;
		}

		/**
		 * Name and tag observations with the convention that the supplier gives on the
		 * first call, or with {@link DefaultLoveandpayObservationConvention} when it
		 * gives {@code null}.
		 * @param observationConvention gives the convention; called once
		 * @return this builder
		 */
		public Builder observationConvention(
				Supplier<? extends @Nullable LoveandpayObservationConvention> observationConvention) {
			Assert.notNull(observationConvention, "'observationConvention' must not be null");
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Tell this listener of retries and undocumented values.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(LoveandpayClientListener listener) {
			Assert.notNull(listener, "'listener' must not be null");
			this.listener = listener;
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 */
		public LoveandpayApiClient build() {
			return new LoveandpayApiClient(this);
		}

	}

}
