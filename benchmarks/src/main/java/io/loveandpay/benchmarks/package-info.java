/**
 * Benchmarks that compare the client with a bare WebClient and the bare JDK, side by side
 * in one run.
 */
@NullMarked
package io.loveandpay.benchmarks;

import org.jspecify.annotations.NullMarked;
