package io.loveandpay.client.internal;

import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import io.loveandpay.client.DefaultLoveandpayObservationConvention;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayObservationContext;
import io.loveandpay.client.LoveandpayObservationConvention;

/**
 * Observes each call as one Micrometer observation, retries included, when there is a
 * registry that records.
 */
final class ClientObservations {

	/**
	 * Where Micrometer keeps the current observation in a Reactor context (the key of
	 * {@code ObservationThreadLocalAccessor}, named here so that context-propagation
	 * stays optional).
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private static final LoveandpayObservationConvention DEFAULT_CONVENTION = new DefaultLoveandpayObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable LoveandpayObservationConvention convention;

	private ClientObservations(ObservationRegistry registry, @Nullable LoveandpayObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Return the observations of calls in this registry.
	 * @param registry the registry, or {@code null} for none
	 * @param convention the convention, or {@code null} for the default one
	 * @return the observations, or {@code null} when the registry records nothing
	 */
	static @Nullable ClientObservations of(@Nullable ObservationRegistry registry,
			@Nullable LoveandpayObservationConvention convention) {
		return (registry != null && !registry.isNoop()) ? new ClientObservations(registry, convention) : null;
	}

	/**
	 * Observe a call. The observation stops before the caller hears the outcome, so that
	 * what the caller does next already sees the call measured.
	 * @param <T> the answer type
	 * @param call the call
	 * @param calling makes the call, reporting its progress in the context
	 * @return the observed call
	 */
	<T> Mono<T> observe(LoveandpayCall call, Function<LoveandpayObservationContext, Mono<T>> calling) {
		return Mono.deferContextual((reactorContext) -> {
			LoveandpayObservationContext context = new LoveandpayObservationContext(call.operation());
			Observation observation = Observation
				.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
				.parentObservation(reactorContext.getOrDefault(OBSERVATION_KEY, null))
				.start();
			return calling.apply(context).doOnSuccess((answer) -> observation.stop()).doOnError((failure) -> {
				if (failure instanceof LoveandpayException loveandpay) {
					context.setFailure(loveandpay);
				}
				observation.error(failure);
				observation.stop();
			}).doOnCancel(() -> {
				context.setCancelled(true);
				observation.stop();
			}).contextWrite((reactor) -> reactor.put(OBSERVATION_KEY, observation));
		});
	}

}
