/**
 * A merchant's Spring MVC application that verifies its customers' identity with
 * loveandpay's KYC API and learns each outcome from the provider's signed webhook.
 */
@NullMarked
package io.loveandpay.samples.webmvc;

import org.jspecify.annotations.NullMarked;
