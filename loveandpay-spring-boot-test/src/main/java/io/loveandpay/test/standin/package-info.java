/**
 * An in-JVM stand-in for the loveandpay API that checks signatures, keeps sessions, plays
 * the hosted verification, sends signed webhooks and fails on cue, for tests and demos.
 */
@NullMarked
package io.loveandpay.test.standin;

import org.jspecify.annotations.NullMarked;
