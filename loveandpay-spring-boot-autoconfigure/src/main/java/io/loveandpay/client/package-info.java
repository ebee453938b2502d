/**
 * The loveandpay client's public API beside each API area: the exception hierarchy,
 * request signing, and the listener and observation SPIs.
 */
@NullMarked
package io.loveandpay.client;

import org.jspecify.annotations.NullMarked;
