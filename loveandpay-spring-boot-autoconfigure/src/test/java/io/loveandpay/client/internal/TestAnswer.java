package io.loveandpay.client.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The answer of the tests' made-up {@code getThing} and {@code createThing} calls.
 *
 * @param success the envelope's {@code success}
 * @param error the envelope's {@code error}
 * @param name the thing's name
 */
record TestAnswer(@Nullable Boolean success, @Nullable JsonNode error,
		@Nullable String name) implements ProviderAnswer {

}
