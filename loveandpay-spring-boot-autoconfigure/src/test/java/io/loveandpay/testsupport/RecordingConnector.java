package io.loveandpay.testsupport;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import io.loveandpay.autoconfigure.LoveandpayWebClientCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector that writes each request in memory, records it and answers with the next of
 * its statuses (the last one again and again) and a fixed JSON body: wiring tests see
 * what the client would send without any network.
 */
public final class RecordingConnector implements ClientHttpConnector {

	private final List<MockClientHttpRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	private final String body;

	private final List<HttpStatus> statuses;

	private RecordingConnector(String body, List<HttpStatus> statuses) {
		this.body = body;
		this.statuses = statuses;
	}

	/**
	 * A connector that answers every request with the approved session.
	 * @return the connector
	 */
	public static RecordingConnector answeringASession() {
		return answeringASessionAfter();
	}

	/**
	 * A connector that answers with these statuses first and then with the approved
	 * session.
	 * @param failures the statuses to answer first
	 * @return the connector
	 */
	public static RecordingConnector answeringASessionAfter(HttpStatus... failures) {
		List<HttpStatus> statuses = new CopyOnWriteArrayList<>(failures);
		statuses.add(HttpStatus.OK);
		return new RecordingConnector(Fixtures.resource("session-approved.json"), statuses);
	}

	/**
	 * Return a customizer that makes the loveandpay client send through this connector.
	 * @return the customizer
	 */
	public LoveandpayWebClientCustomizer customizer() {
		return (builder) -> builder.clientConnector(this);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		return requestCallback.apply(request).then(Mono.fromSupplier(() -> {
			this.requests.add(request);
			int index = Math.min(this.answered.getAndIncrement(), this.statuses.size() - 1);
			MockClientHttpResponse response = new MockClientHttpResponse(this.statuses.get(index));
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.setBody(this.body);
			return response;
		}));
	}

	public List<MockClientHttpRequest> requests() {
		return this.requests;
	}

	/**
	 * Assert that the only request recorded, one without a body, went to this URI signed
	 * with these keys.
	 * @param uri the URI
	 * @param apiKey the API key
	 * @param secret the secret key
	 */
	public void assertOneSignedRequest(String uri, String apiKey, String secret) {
		assertThat(this.requests).hasSize(1);
		MockClientHttpRequest request = this.requests.get(0);
		assertThat(request.getURI()).hasToString(uri);
		assertThat(request.getHeaders().getFirst("x-api-key")).isEqualTo(apiKey);
		String timestamp = request.getHeaders().getFirst("x-timestamp");
		assertThat(timestamp).matches("[0-9]{13}");
		assertThat(request.getHeaders().getFirst("x-signature")).isEqualTo(SignatureCheck.expected(secret,
				request.getMethod().name(), request.getURI().getRawPath(), timestamp, new byte[0]));
	}

}
