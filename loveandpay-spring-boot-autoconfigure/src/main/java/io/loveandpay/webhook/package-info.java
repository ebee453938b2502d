/**
 * The provider's webhooks: the signature check, events, de-duplication and the receiver
 * that ties them together, usable without Spring; and a signer for tests.
 */
@NullMarked
package io.loveandpay.webhook;

import org.jspecify.annotations.NullMarked;
