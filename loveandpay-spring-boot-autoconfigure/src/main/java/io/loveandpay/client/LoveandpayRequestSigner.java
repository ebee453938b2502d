package io.loveandpay.client;

/**
 * Computes the {@code x-signature} of a request. The provider's formula is known from the
 * field rather than from its documentation, so it is a bean that can be replaced.
 *
 * @since 0.1.0
 * @see HmacSha256RequestSigner
 */
@FunctionalInterface
public interface LoveandpayRequestSigner {

	/**
	 * Sign a request.
	 * @param method the HTTP method, upper case
	 * @param rawPath the raw (still percent-encoded) path of the final request URL,
	 * without scheme, host or query string
	 * @param timestampMillis the value sent as {@code x-timestamp}
	 * @param body exactly the bytes sent as the body, empty when there is none
	 * @return the value of the {@code x-signature} header
	 */
	String sign(String method, String rawPath, long timestampMillis, byte[] body);

}
