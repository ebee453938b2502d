/**
 * Spring support for the loveandpay stand-in: an annotation for tests and an opt-in
 * auto-configuration that runs the stand-in inside a demo application.
 */
@NullMarked
package io.loveandpay.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
