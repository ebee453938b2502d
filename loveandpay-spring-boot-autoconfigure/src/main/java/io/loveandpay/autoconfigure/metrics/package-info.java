/**
 * Micrometer meters of the loveandpay client beside its observations.
 */
@NullMarked
package io.loveandpay.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
