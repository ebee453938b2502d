package io.loveandpay.test.standin;

/**
 * The API operations the stand-in serves, for fault scripts and rate limits.
 */
enum Operation {

	CREATE, GET, LIST

}
