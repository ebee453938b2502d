/**
 * A webhook de-duplication store on Redis, shared by the instances of an application.
 */
@NullMarked
package io.loveandpay.webhook.redis;

import org.jspecify.annotations.NullMarked;
