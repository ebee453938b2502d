package io.loveandpay.client;

import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
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

	/**
	 * Made on the first call. This class is a bean, and Spring reflects over a bean
	 * class's methods at start-up, loading every type they name: the exchange's types are
	 * loaded with the first call instead.
	 */
	private final Lazy<SignedExchange> exchange;

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
		this.skew = (builder.skew != null) ? builder.skew : new LoveandpayClockSkew(java.time.Clock.systemUTC());
		this.listener = builder.listener;
		Supplier<WebClient> webClient = builder.webClient;
		LoveandpayCallPolicy policy = builder.policy;
		LoveandpayClockSkew skew = this.skew;
		LoveandpayClientListener listener = this.listener;
		Supplier<? extends @Nullable ObservationRegistry> registry = builder.observationRegistry;
		Supplier<? extends @Nullable LoveandpayObservationConvention> convention = builder.observationConvention;
		this.exchange = new Lazy<>(() -> new SignedExchange(webClient, policy, skew, listener, registry, convention));
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
		return this.exchange.get().exchange(call, envelopeType);
	}

	@Override
	public String toString() {
		return "LoveandpayApiClient";
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
		 * Tell the listeners that the supplier gives, in its order, of retries and
		 * undocumented values.
		 * @param listeners gives the listeners; called at each event
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

			};
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
