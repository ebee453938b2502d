/**
 * The client's request quota on Bucket4j, kept in this instance's memory or shared
 * through Redis.
 */
@NullMarked
package io.loveandpay.client.quota;

import org.jspecify.annotations.NullMarked;
