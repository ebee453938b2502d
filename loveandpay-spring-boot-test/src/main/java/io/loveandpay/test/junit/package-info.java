/**
 * JUnit Jupiter support for the loveandpay stand-in, without Spring.
 */
@NullMarked
package io.loveandpay.test.junit;

import org.jspecify.annotations.NullMarked;
