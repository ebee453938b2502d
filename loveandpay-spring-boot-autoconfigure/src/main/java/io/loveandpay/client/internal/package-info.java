/**
 * The signed JSON exchange that every API area sends its calls through: retries,
 * timeouts, error translation and redaction. Not API: these types may change in any
 * release; use {@code io.loveandpay.kyc} instead.
 */
@NullMarked
package io.loveandpay.client.internal;

import org.jspecify.annotations.NullMarked;
