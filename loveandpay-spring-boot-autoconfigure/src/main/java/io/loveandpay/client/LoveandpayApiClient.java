package io.loveandpay.client;

import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The signed JSON exchange shared by every API area: sends a {@link LoveandpayCall}
 * through a {@link WebClient} whose base URL ends in {@code /api/v2} and which signs
 * every request, then decodes the answer or turns it into a typed
 * {@link LoveandpayException}.
 * <p>
 * JSON is read and written with a mapper of the client's own, so the application's
 * Jackson settings never change what is sent to or read from the provider.
 *
 * @since 0.1.0
 */
public final class LoveandpayApiClient {

	private static final byte[] EMPTY = new byte[0];

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient webClient;

	private final ApiErrors errors;

	/**
	 * Create a client.
	 * @param webClient a client with the API's base URL (ending in {@code /api/v2}) and
	 * the {@link LoveandpaySigningFilter}
	 * @param clock the clock used to read {@code Retry-After} dates
	 */
	public LoveandpayApiClient(WebClient webClient, Clock clock) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.webClient = webClient;
		this.errors = new ApiErrors(JSON, clock);
	}

	/**
	 * Send a call and decode its answer. Nothing is sent until the result is subscribed
	 * to; every subscription sends the call again, so never resubscribe to a call that is
	 * not {@linkplain LoveandpayCall#idempotent() idempotent}.
	 * @param <T> the envelope type
	 * @param call the call
	 * @param envelopeType the type the answer decodes to
	 * @return the decoded answer, or an error that is a {@link LoveandpayException}
	 */
	public <T extends LoveandpayEnvelope> Mono<T> exchange(LoveandpayCall call, Class<T> envelopeType) {
		return Mono.defer(() -> send(call, envelopeType)).onErrorMap((ex) -> Failures.translate(call, ex));
	}

	private <T extends LoveandpayEnvelope> Mono<T> send(LoveandpayCall call, Class<T> envelopeType) {
		WebClient.RequestBodySpec request = this.webClient.method(call.method())
			.uri(call::uri)
			.accept(MediaType.APPLICATION_JSON);
		Object body = call.body();
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsBytes(body));
		}
		return request.exchangeToMono((response) -> receive(call, response, envelopeType));
	}

	private <T extends LoveandpayEnvelope> Mono<T> receive(LoveandpayCall call, ClientResponse response,
			Class<T> envelopeType) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (status >= 200 && status < 300) {
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(EMPTY)
				.map((body) -> decode(call, status, headers, body, envelopeType));
		}
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.onErrorReturn(EMPTY)
			.flatMap((body) -> Mono.error(this.errors.fromResponse(call, status, headers, body)));
	}

	private <T extends LoveandpayEnvelope> T decode(LoveandpayCall call, int status, HttpHeaders headers, byte[] body,
			Class<T> envelopeType) {
		T envelope;
		try {
			envelope = read(call, status, headers, body, envelopeType);
		}
		catch (LoveandpayProtocolException ex) {
			if (call.idempotent()) {
				throw ex;
			}
			throw Failures.outcomeUnknown(call, "HTTP " + status + " with an unreadable body", ex);
		}
		if (Boolean.FALSE.equals(envelope.success())) {
			throw this.errors.fromEnvelope(call, status, headers, envelope.error());
		}
		return envelope;
	}

	private <T extends LoveandpayEnvelope> T read(LoveandpayCall call, int status, HttpHeaders headers, byte[] body,
			Class<T> envelopeType) {
		String operation = call.operation();
		MediaType contentType = headers.getContentType();
		if (!ApiErrors.isJson(contentType)) {
			throw new LoveandpayProtocolException(operation, operation + " expected JSON but received HTTP " + status
					+ " with " + contentType.getType() + "/" + contentType.getSubtype(), null);
		}
		if (body.length == 0) {
			throw new LoveandpayProtocolException(operation,
					operation + " expected JSON but received HTTP " + status + " with an empty body", null);
		}
		try {
			T envelope = JSON.readValue(body, envelopeType);
			if (envelope == null) {
				throw new LoveandpayProtocolException(operation,
						operation + " expected a JSON object but received null", null);
			}
			return envelope;
		}
		catch (JacksonException ex) {
			throw new LoveandpayProtocolException(operation,
					operation + " could not decode the answer: " + describe(ex), Redaction.redactedCopy(ex));
		}
	}

	private static String describe(JacksonException ex) {
		String kind = ex.getClass().getSimpleName();
		List<JacksonException.Reference> path = ex.getPath();
		if (path.isEmpty()) {
			return kind;
		}
		StringBuilder where = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!where.isEmpty()) {
					where.append('.');
				}
				where.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				where.append('[').append(reference.getIndex()).append(']');
			}
		}
		return kind + " at '" + where + "'";
	}

	@Override
	public String toString() {
		return "LoveandpayApiClient";
	}

}
