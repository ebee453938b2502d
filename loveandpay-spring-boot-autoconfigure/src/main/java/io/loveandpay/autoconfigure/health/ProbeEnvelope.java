package io.loveandpay.autoconfigure.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.loveandpay.client.internal.ProviderAnswer;

/**
 * The answer to the health probe; only that it came matters.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProbeEnvelope(@Nullable Boolean success, @Nullable JsonNode error) implements ProviderAnswer {

}
