/**
 * The {@code loveandpay} Actuator health contributor.
 */
@NullMarked
package io.loveandpay.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
