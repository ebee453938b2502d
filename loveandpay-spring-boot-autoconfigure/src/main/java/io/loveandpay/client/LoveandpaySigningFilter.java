package io.loveandpay.client;

import java.time.Clock;

import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds {@code x-api-key}, {@code x-timestamp} and {@code x-signature} to every request.
 * <p>
 * The signature is computed as the request is written: over the raw path of the final URL
 * and exactly the body bytes that go to the wire, so no encoder, filter or customizer can
 * change what was signed. Every attempt of a request is signed afresh.
 * <p>
 * Whatever a signer throws, the message is withheld (it may quote key material) and the
 * request is not sent; only errors of the VM itself, such as {@link OutOfMemoryError},
 * pass through as they are.
 *
 * @since 0.1.0
 */
public final class LoveandpaySigningFilter implements ExchangeFilterFunction {

	/** Header carrying the public key. */
	public static final String API_KEY_HEADER = "x-api-key";

	/** Header carrying the signing time, Unix milliseconds. */
	public static final String TIMESTAMP_HEADER = "x-timestamp";

	/** Header carrying the signature. */
	public static final String SIGNATURE_HEADER = "x-signature";

	private static final byte[] NO_BODY = new byte[0];

	private final String apiKey;

	private final LoveandpayRequestSigner signer;

	private final Clock clock;

	/**
	 * Create a filter.
	 * @param apiKey the public key ({@code pk_test_...} or {@code pk_live_...})
	 * @param signer the signer
	 * @param clock the clock that gives {@code x-timestamp}
	 */
	public LoveandpaySigningFilter(String apiKey, LoveandpayRequestSigner signer, Clock clock) {
		Assert.hasText(apiKey, "'apiKey' must not be empty");
		Assert.notNull(signer, "'signer' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.apiKey = apiKey;
		this.signer = signer;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		BodyInserter<?, ? super ClientHttpRequest> body = request.body();
		ClientRequest signed = ClientRequest.from(request)
			.body((message, context) -> body.insert(new SigningRequest(message), context))
			.build();
		return next.exchange(signed);
	}

	/**
	 * Sign the request over the body and set the three headers on it.
	 */
	private void sign(ClientHttpRequest request, byte[] body) {
		long timestamp = this.clock.millis();
		String signature;
		try {
			signature = this.signer.sign(request.getMethod().name(), request.getURI().getRawPath(), timestamp, body);
		}
		catch (Throwable ex) {
			// The HTTP stack logs what fails a write, and a signer's message may quote
			// key material: pass on its type and stack trace only, whatever it threw
			// (an Error, or a checked exception thrown sneakily), unless the VM itself
			// is failing.
			Exceptions.throwIfJvmFatal(ex);
			throw new SigningFailedException(ex);
		}
		HttpHeaders headers = request.getHeaders();
		headers.set(API_KEY_HEADER, this.apiKey);
		headers.set(TIMESTAMP_HEADER, Long.toString(timestamp));
		headers.set(SIGNATURE_HEADER, signature);
	}

	@Override
	public String toString() {
		return "LoveandpaySigningFilter[signer=" + this.signer.getClass().getSimpleName() + "]";
	}

	/**
	 * Signs a request as it is written, over exactly the bytes of its body, before any of
	 * it goes out: a request whose signing fails is never written.
	 */
	private final class SigningRequest extends ClientHttpRequestDecorator {

		SigningRequest(ClientHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body).defaultIfEmpty(bufferFactory().wrap(NO_BODY)).flatMap((buffer) -> {
				try {
					sign(getDelegate(), bytes(buffer));
				}
				catch (RuntimeException ex) {
					DataBufferUtils.release(buffer);
					return Mono.error(ex);
				}
				return super.writeWith(Mono.just(buffer));
			});
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).concatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.defer(() -> {
				sign(getDelegate(), NO_BODY);
				return super.setComplete();
			});
		}

		private static byte[] bytes(DataBuffer buffer) {
			byte[] bytes = new byte[buffer.readableByteCount()];
			int position = buffer.readPosition();
			buffer.read(bytes);
			buffer.readPosition(position);
			return bytes;
		}

	}

	/**
	 * A signer failed. Its message, which may quote key material, is withheld; its type
	 * and stack trace are kept.
	 */
	static final class SigningFailedException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		SigningFailedException(Throwable original) {
			super("The request signer failed with " + original.getClass().getName()
					+ " (message withheld: it may quote key material)");
			setStackTrace(original.getStackTrace());
		}

	}

}
