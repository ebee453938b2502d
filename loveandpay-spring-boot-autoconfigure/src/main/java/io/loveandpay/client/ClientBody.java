package io.loveandpay.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;

/**
 * The body of a {@link LoveandpayApiClient} request: JSON bytes made before the request,
 * or none. A {@link LoveandpaySigningFilter} that sees it does not copy the request to
 * wrap its body: it hands itself to the body, which is signed through it as it is
 * written, over exactly these bytes. The body also sets {@code Accept} (unless the
 * request already has one) as it is written, where a default header would be copied from
 * map to map on every request.
 */
final class ClientBody implements BodyInserter<Object, ClientHttpRequest> {

	private static final byte[] NO_BODY = new byte[0];

	private final Attempt attempt;

	private final byte @Nullable [] bytes;

	private volatile @Nullable LoveandpaySigningFilter signingFilter;

	ClientBody(Attempt attempt, byte @Nullable [] bytes) {
		this.attempt = attempt;
		this.bytes = bytes;
	}

	/**
	 * Sign this body, as it is written, with the given filter.
	 * @param signingFilter the filter
	 */
	void signWith(LoveandpaySigningFilter signingFilter) {
		this.signingFilter = signingFilter;
	}

	@Override
	public Mono<Void> insert(ClientHttpRequest request, Context context) {
		byte[] bytes = this.bytes;
		try {
			RequestHeaders.acceptJsonUnlessSet(request);
			LoveandpaySigningFilter signingFilter = this.signingFilter;
			if (signingFilter != null) {
				signingFilter.sign(request, this.attempt, (bytes != null) ? bytes : NO_BODY);
			}
			// Without a signing filter the request goes out unsigned, and an innermost
			// write tracker has marked its attempt.
		}
		catch (RuntimeException ex) {
			return Mono.error(ex);
		}
		if (bytes == null) {
			return request.setComplete();
		}
		request.getHeaders().setContentLength(bytes.length);
		return request.writeWith(Mono.just(request.bufferFactory().wrap(bytes)));
	}

}
