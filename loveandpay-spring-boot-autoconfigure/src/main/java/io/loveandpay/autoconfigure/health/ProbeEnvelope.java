package io.loveandpay.autoconfigure.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of the answer to the health probe; only that it came matters.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProbeEnvelope() {

}
