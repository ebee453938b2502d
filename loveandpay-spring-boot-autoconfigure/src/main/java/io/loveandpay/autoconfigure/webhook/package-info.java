/**
 * Auto-configuration of the webhook endpoint: verified provider events published as
 * Spring application events.
 */
@NullMarked
package io.loveandpay.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
