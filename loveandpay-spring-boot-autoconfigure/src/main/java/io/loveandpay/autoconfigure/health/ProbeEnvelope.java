package io.loveandpay.autoconfigure.health;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.loveandpay.client.LoveandpayEnvelope;

/**
 * The answer to the health probe; only success matters.
 */
record ProbeEnvelope(@Nullable Boolean success, @Nullable JsonNode error) implements LoveandpayEnvelope {

}
