/**
 * Auto-configuration of the webhook endpoint: verified provider events become Spring
 * application events, on Spring MVC and on WebFlux.
 */
@NullMarked
package io.loveandpay.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
