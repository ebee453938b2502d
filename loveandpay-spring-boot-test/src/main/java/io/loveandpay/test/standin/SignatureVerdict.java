package io.loveandpay.test.standin;

/**
 * What the stand-in made of a request's signature headers.
 *
 * @since 0.1.0
 */
public enum SignatureVerdict {

	/**
	 * All of {@code x-api-key}, {@code x-timestamp} and {@code x-signature} were present
	 * and the signature matched (the key or the timestamp window may still have refused
	 * it).
	 */
	VALID,

	/**
	 * The headers were present and the signature did not match.
	 */
	INVALID,

	/**
	 * At least one of the signature headers was missing.
	 */
	MISSING,

	/**
	 * The path needs no signature (the hosted verification page, an unknown path).
	 */
	NOT_REQUIRED

}
