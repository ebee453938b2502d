/**
 * A merchant's WebFlux application that verifies its customers' identity with loveandpay.
 */
@NullMarked
package io.loveandpay.samples.webflux;

import org.jspecify.annotations.NullMarked;
