package io.loveandpay.client.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import io.loveandpay.client.LoveandpayClientListener;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayObservationContext;
import io.loveandpay.client.LoveandpayObservationConvention;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayRateLimitException;
import io.loveandpay.client.LoveandpayRequestQuota;
import io.loveandpay.client.LoveandpaySigningFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The signed JSON exchange shared by every API area: sends a {@link LoveandpayCall}
 * through a {@link WebClient} whose base URL ends in {@code /api/v2} and which signs
 * every request, retrying as the {@link LoveandpayCallPolicy} allows, then decodes the
 * answer or turns it into a typed {@link LoveandpayException}.
 * <p>
 * Every attempt is timed with Reactor's {@code timeout}, and the retries are Reactor's
 * {@code retryWhen} around the client's own decisions ({@link Retries}), all on one
 * {@link Scheduler} (Reactor's parallel scheduler unless one is given), so that tests can
 * drive them with virtual time.
 * <p>
 * With a {@link LoveandpayRequestQuota}, every attempt (retries included) first takes a
 * permit, waiting on the same scheduler while the call's deadline allows and failing at
 * once, not sent, with a {@link LoveandpayRateLimitException} when it does not. A create
 * waits only as long as leaves its attempt the whole attempt timeout, so that a wait
 * never turns into an attempt cut short after it was sent. A {@code 429} answer holds
 * back every attempt of every caller of the quota until its {@code Retry-After}, or for a
 * default hold when the provider does not say.
 * <p>
 * JSON is read and written with a mapper of the client's own, so the application's
 * Jackson settings never change what is sent to or read from the provider.
 *
 * @since 0.1.0
 */
public final class LoveandpayApiClient {

	private static final Log logger = LogFactory.getLog(LoveandpayApiClient.class);

	/**
	 * How long a {@code 429} without a {@code Retry-After} holds back every attempt of
	 * the quota, unless the builder sets another hold.
	 */
	public static final Duration DEFAULT_RATE_LIMIT_HOLD = Duration.ofSeconds(1);

	private static final byte[] EMPTY = new byte[0];

	private final Supplier<WebClient> webClient;

	private final LoveandpayCallPolicy policy;

	private final LoveandpayClockSkew skew;

	private final LoveandpayClientListener listener;

	private final @Nullable ClientObservations observations;

	private final @Nullable Scheduler scheduler;

	private final SingletonSupplier<Codec> codec;

	private final @Nullable URI baseUrl;

	private final @Nullable String where;

	private final @Nullable LoveandpayRequestQuota quota;

	private final Duration rateLimitHold;

	private LoveandpayApiClient(Builder builder) {
		Supplier<WebClient> webClient = builder.webClient;
		this.webClient = SingletonSupplier.of(() -> tracked(webClient.get()));
		this.policy = builder.policy;
		this.skew = (builder.skew != null) ? builder.skew : new LoveandpayClockSkew(java.time.Clock.systemUTC());
		this.listener = builder.listener;
		this.observations = ClientObservations.of(builder.observationRegistry, builder.observationConvention);
		this.scheduler = builder.scheduler;
		this.baseUrl = builder.baseUrl;
		this.where = Failures.where(this.baseUrl);
		this.quota = builder.quota;
		this.rateLimitHold = builder.rateLimitHold;
		LoveandpayClientListener listener = this.listener;
		LoveandpayClockSkew skew = this.skew;
		this.codec = SingletonSupplier.of(() -> Codec.of(listener, skew));
	}

	/**
	 * Return the client with a filter next to the connector that marks each attempt as
	 * written, and JSON as what it accepts unless its default headers say otherwise.
	 */
	private static WebClient tracked(WebClient webClient) {
		return webClient.mutate().defaultHeaders((headers) -> {
			if (!headers.containsHeader(HttpHeaders.ACCEPT)) {
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			}
		}).filter(Attempt.WRITE_TRACKER).build();
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
	 * Start building a client whose {@link WebClient} is made on the first call.
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
	 * Return how long calls may take and how they are retried.
	 * @return the call policy
	 */
	public LoveandpayCallPolicy policy() {
		return this.policy;
	}

	/**
	 * Return the scheduler that times attempts, calls and the waits between retries, so
	 * that work bounded by a call's deadline can be timed on the same clock.
	 * @return the scheduler
	 */
	public Scheduler scheduler() {
		return (this.scheduler != null) ? this.scheduler : Schedulers.parallel();
	}

	/**
	 * Return the API's base URL, ending in {@code /api/v2}, as given to the builder.
	 * @return the base URL, or {@code null} when the builder was not told
	 */
	public @Nullable URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the request quota that every attempt takes a permit of.
	 * @return the quota, or {@code null} when attempts take no permit
	 */
	public @Nullable LoveandpayRequestQuota quota() {
		return this.quota;
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
	 * @param <T> the answer type
	 * @param call the call
	 * @param answerType the type the answer decodes to
	 * @return the decoded answer, or an error that is a {@link LoveandpayException}
	 */
	public <T extends ProviderAnswer> Mono<T> exchange(LoveandpayCall call, Class<T> answerType) {
		ClientObservations observations = this.observations;
		if (observations == null) {
			return call(call, answerType, null);
		}
		return observations.observe(call, (context) -> call(call, answerType, context));
	}

	private <T extends ProviderAnswer> Mono<T> call(LoveandpayCall call, Class<T> answerType,
			@Nullable LoveandpayObservationContext context) {
		return Mono.defer(() -> {
			Scheduler scheduler = scheduler();
			Retries retries = new Retries(call, this.policy, this.skew, scheduler);
			byte[] body;
			try {
				body = (call.body() != null) ? this.codec.obtain().json().writeValueAsBytes(call.body()) : null;
			}
			catch (RuntimeException ex) {
				return Mono.error(Failures.translate(call, ex, false, this.where));
			}
			return Mono.defer(() -> permit(call, retries, scheduler))
				.then(Mono.defer(() -> attempt(call, body, answerType, retries, scheduler, context)))
				.retryWhen(Retry.from((failures) -> failures
					.concatMap((failure) -> retryOrFail(call, retries, failure.failure(), scheduler))))
				.onErrorMap((ex) -> !(ex instanceof LoveandpayException),
						(ex) -> Failures.translate(call, ex, retries.mayHaveBeenSent(), this.where));
		});
	}

	private <T extends ProviderAnswer> Mono<T> attempt(LoveandpayCall call, byte @Nullable [] body, Class<T> answerType,
			Retries retries, Scheduler scheduler, @Nullable LoveandpayObservationContext context) {
		Attempt attempt = retries.next();
		if (context != null) {
			context.setAttempts(attempt.number());
		}
		// The attempt's own limit, or what is left of the call's, whichever ends first.
		Duration left = retries.timeLeft();
		boolean callEndsFirst = left.compareTo(this.policy.attemptTimeout()) < 0;
		Duration limit = callEndsFirst ? left : this.policy.attemptTimeout();
		Mono<T> timedOut = Mono.error(() -> callEndsFirst ? new Failures.CallTimeoutException(this.policy.callTimeout())
				: new TimeoutException(
						"Attempt " + attempt.number() + " took longer than " + limit.toMillis() + " ms"));
		return send(call, body, answerType, attempt, context).timeout(limit, timedOut, scheduler)
			.onErrorMap((ex) -> Failures.translate(call, ex, attempt.mayHaveBeenSent(), this.where))
			.onErrorResume(LoveandpayRateLimitException.class, this::holdBack);
	}

	/**
	 * Take a permit of the quota for the next attempt, waiting for one while the call's
	 * deadline allows.
	 */
	private Mono<Void> permit(LoveandpayCall call, Retries retries, Scheduler scheduler) {
		LoveandpayRequestQuota quota = this.quota;
		if (quota == null) {
			return Mono.empty();
		}
		long start = scheduler.now(TimeUnit.NANOSECONDS);
		return askForPermit(quota, call, retries, scheduler, start);
	}

	private Mono<Void> askForPermit(LoveandpayRequestQuota quota, LoveandpayCall call, Retries retries,
			Scheduler scheduler, long start) {
		return quota.tryAcquire().flatMap((wait) -> {
			if (wait.isZero() || wait.isNegative()) {
				this.listener.permitTaken(call.operation(),
						Duration.ofNanos(scheduler.now(TimeUnit.NANOSECONDS) - start));
				return Mono.empty();
			}
			Duration left = retries.timeLeft();
			if (!call.idempotent()) {
				left = left.minus(this.policy.attemptTimeout());
			}
			if (wait.compareTo(left) >= 0) {
				this.listener.refusedByQuota(call.operation());
				if (logger.isDebugEnabled()) {
					logger.debug(call.operation() + " refused by the request quota, not sent: the next permit is "
							+ wait.toMillis() + " ms away");
				}
				return Mono.error(LoveandpayRateLimitException.notSent(call.operation(), wait));
			}
			return Mono.delay(wait, scheduler)
				.then(Mono.defer(() -> askForPermit(quota, call, retries, scheduler, start)));
		});
	}

	/**
	 * Tell the quota that the provider answered 429, so that it holds back every attempt,
	 * then fail the attempt as before.
	 */
	private <T> Mono<T> holdBack(LoveandpayRateLimitException limited) {
		LoveandpayRequestQuota quota = this.quota;
		if (quota == null || !limited.sent()) {
			return Mono.error(limited);
		}
		Duration retryAfter = limited.retryAfter();
		Duration hold = (retryAfter != null && !retryAfter.isZero()) ? retryAfter : this.rateLimitHold;
		return quota.holdBack(hold).onErrorResume((ex) -> Mono.empty()).then(Mono.error(limited));
	}

	private Mono<Long> retryOrFail(LoveandpayCall call, Retries retries, Throwable failure, Scheduler scheduler) {
		LoveandpayException typed = Failures.translate(call, failure, retries.mayHaveBeenSent(), this.where);
		Retries.Decision decision = retries.decide(typed);
		if (decision == null) {
			return Mono.error(typed);
		}
		this.listener.retrying(call.operation(), decision.reason());
		if (logger.isDebugEnabled()) {
			logger.debug(call.operation() + " attempt " + retries.attempts() + " failed (" + typed.getMessage()
					+ "); retrying in " + decision.delay().toMillis() + " ms");
		}
		return Mono.delay(decision.delay(), scheduler);
	}

	private <T extends ProviderAnswer> Mono<T> send(LoveandpayCall call, byte @Nullable [] body, Class<T> answerType,
			Attempt attempt, @Nullable LoveandpayObservationContext context) {
		WebClient.RequestBodySpec request = this.webClient.get()
			.method(call.method())
			.uri(call.uriTemplate(), call.uriVariables())
			.attribute(Attempt.ATTRIBUTE, attempt);
		if (body != null) {
			if (logger.isDebugEnabled()) {
				logger.debug(call + " attempt " + attempt.number() + " sends "
						+ DebugBodies.render(this.codec.obtain().json(), body, MediaType.APPLICATION_JSON));
			}
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return request.exchangeToMono((response) -> {
			if (context != null) {
				context.setHttpStatus(response.statusCode().value());
			}
			return receive(call, response, answerType);
		});
	}

	private <T extends ProviderAnswer> Mono<T> receive(LoveandpayCall call, ClientResponse response,
			Class<T> answerType) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		Mono<byte[]> body = response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY);
		if (logger.isDebugEnabled()) {
			body = body.doOnNext((bytes) -> logger.debug(call + " answered HTTP " + status + ": "
					+ DebugBodies.render(this.codec.obtain().json(), bytes, headers.getContentType())));
		}
		if (status >= 200 && status < 300) {
			return body.map((bytes) -> decode(call, status, headers, bytes, answerType));
		}
		// The status says what happened; an unreadable error body only loses details.
		return body.onErrorReturn(EMPTY)
			.flatMap((bytes) -> Mono.error(this.codec.obtain()
				.errors()
				.fromResponse(call, status, headers, bytes, response.request().getURI())));
	}

	private <T extends ProviderAnswer> T decode(LoveandpayCall call, int status, HttpHeaders headers, byte[] body,
			Class<T> answerType) {
		T answer;
		try {
			answer = read(call, status, headers, body, answerType);
		}
		catch (LoveandpayProtocolException ex) {
			if (call.idempotent()) {
				throw ex;
			}
			throw Failures.outcomeUnknown(call, "HTTP " + status + " with an unreadable body", ex);
		}
		if (Boolean.FALSE.equals(answer.success())) {
			throw this.codec.obtain().errors().fromEnvelope(call, status, headers, answer.error());
		}
		return answer;
	}

	private <T> T read(LoveandpayCall call, int status, HttpHeaders headers, byte[] body, Class<T> answerType) {
		String operation = call.operation();
		MediaType contentType = headers.getContentType();
		if (!ApiErrors.isJson(contentType)) {
			throw new LoveandpayProtocolException(operation, operation + " expected JSON but received HTTP " + status
					+ " with " + contentType.getType() + "/" + contentType.getSubtype(), null);
		}
		if (body.length == 0) {
			throw new LoveandpayProtocolException(operation,
					operation + " expected JSON but received HTTP " + status + " with an empty body", null);
		}
		T answer;
		try {
			answer = this.codec.obtain().reader(answerType).readValue(body);
		}
		catch (JacksonException ex) {
			throw unreadable(operation, ex);
		}
		if (answer == null) {
			throw new LoveandpayProtocolException(operation, operation + " expected a JSON object but received null",
					null);
		}
		return answer;
	}

	private static LoveandpayProtocolException unreadable(String operation, JacksonException ex) {
		return new LoveandpayProtocolException(operation, operation + " could not decode the answer: " + describe(ex),
				Redaction.redactedCopy(ex));
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
	 * The client's own JSON mapper, a reader per answer type, and what reads the
	 * provider's errors; made on the first call.
	 */
	private record Codec(JsonMapper json, ApiErrors errors, Map<Class<?>, ObjectReader> readers) {

		static Codec of(LoveandpayClientListener listener, LoveandpayClockSkew skew) {
			JsonMapper json = JsonMapper.builder().addHandler(new UndocumentedFields(listener)).build();
			return new Codec(json, new ApiErrors(json, skew), new ConcurrentHashMap<>());
		}

		ObjectReader reader(Class<?> type) {
			return this.readers.computeIfAbsent(type, this.json::readerFor);
		}

	}

	/**
	 * Builds a {@link LoveandpayApiClient}.
	 */
	public static final class Builder {

		private final Supplier<WebClient> webClient;

		private LoveandpayCallPolicy policy = LoveandpayCallPolicy.defaults();

		private @Nullable LoveandpayClockSkew skew;

		private @Nullable ObservationRegistry observationRegistry;

		private @Nullable LoveandpayObservationConvention observationConvention;

		private LoveandpayClientListener listener = LoveandpayClientListener.NONE;

		private @Nullable Scheduler scheduler;

		private @Nullable URI baseUrl;

		private @Nullable LoveandpayRequestQuota quota;

		private Duration rateLimitHold = DEFAULT_RATE_LIMIT_HOLD;

		private Builder(Supplier<WebClient> webClient) {
			this.webClient = webClient;
		}

		/**
		 * Set the API's base URL, the one the {@link WebClient} sends to, so that errors
		 * can say where the client tried to reach and what uses this client can judge
		 * addresses in answers against it.
		 * @param apiBaseUrl the base URL, ending in {@code /api/v2}
		 * @return this builder
		 */
		public Builder baseUrl(URI apiBaseUrl) {
			Assert.notNull(apiBaseUrl, "'apiBaseUrl' must not be null");
			this.baseUrl = apiBaseUrl;
			return this;
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
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Name and tag observations with this convention instead of the default one.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable LoveandpayObservationConvention observationConvention) {
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
		 * Tell the listeners that the supplier gives of retries and undocumented values.
		 * The supplier is called at each event, so a listener may depend on what uses
		 * this client.
		 * @param listeners gives the listeners, in the order to call them
		 * @return this builder
		 */
		public Builder listeners(Supplier<? extends Iterable<? extends LoveandpayClientListener>> listeners) {
			Assert.notNull(listeners, "'listeners' must not be null");
			this.listener = new LoveandpayClientListener() {

				@Override
				public void retrying(String operation, String reason) {
					listeners.get().forEach((listener) -> listener.retrying(operation, reason));
				}

				@Override
				public void undocumentedValue(String field) {
					listeners.get().forEach((listener) -> listener.undocumentedValue(field));
				}

				@Override
				public void permitTaken(String operation, Duration waited) {
					listeners.get().forEach((listener) -> listener.permitTaken(operation, waited));
				}

				@Override
				public void refusedByQuota(String operation) {
					listeners.get().forEach((listener) -> listener.refusedByQuota(operation));
				}

			};
			return this;
		}

		/**
		 * Time attempts and waits on this scheduler instead of Reactor's parallel
		 * scheduler.
		 * @param scheduler the scheduler, a virtual-time one in tests
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			Assert.notNull(scheduler, "'scheduler' must not be null");
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Take a permit of this quota before every attempt, and hold it back after a
		 * {@code 429}. Its clock should be the client's {@link #scheduler(Scheduler)
		 * scheduler}.
		 * @param quota the quota
		 * @return this builder
		 */
		public Builder quota(LoveandpayRequestQuota quota) {
			Assert.notNull(quota, "'quota' must not be null");
			this.quota = quota;
			return this;
		}

		/**
		 * Set how long the quota holds back every attempt after a {@code 429} without a
		 * {@code Retry-After}; {@link #DEFAULT_RATE_LIMIT_HOLD} unless set.
		 * @param hold the hold
		 * @return this builder
		 */
		public Builder rateLimitHold(Duration hold) {
			Assert.isTrue(hold != null && !hold.isNegative() && !hold.isZero(), "'hold' must be positive");
			this.rateLimitHold = hold;
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
