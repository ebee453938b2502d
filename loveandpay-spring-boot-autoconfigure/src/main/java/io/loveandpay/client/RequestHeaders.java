package io.loveandpay.client;

import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * Sets the client's own headers on a request as it is written, before it is committed.
 * <p>
 * On reactor-netty they go straight into the connection's request: Spring's
 * {@link ClientHttpRequest#getHeaders()} keeps headers in a case-insensitive map that
 * reactor-netty's request is given a copy of when it is committed, a lower-cased key and
 * a list per header, for every request. On other connectors they go into
 * {@link ClientHttpRequest#getHeaders()}.
 */
final class RequestHeaders {

	private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.http.client.HttpClientRequest",
			RequestHeaders.class.getClassLoader());

	private RequestHeaders() {
	}

	/**
	 * Set a header, replacing any value of it.
	 * @param request a request not yet committed
	 * @param name the header's name
	 * @param value its value
	 */
	static void set(ClientHttpRequest request, String name, String value) {
		HttpHeaders headers = request.getHeaders();
		// What Spring's map holds is copied over reactor-netty's headers on commit, so a
		// header there (a default header, say) is replaced there.
		boolean inSpringHeaders = !headers.isEmpty() && headers.containsHeader(name);
		if (inSpringHeaders || !REACTOR_NETTY || !ReactorNetty.set(request, name, value)) {
			headers.set(name, value);
		}
	}

	/**
	 * Ask for JSON unless the request (its filters or default headers) asks for something
	 * else.
	 * @param request a request not yet committed
	 */
	static void acceptJsonUnlessSet(ClientHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		if (headers.isEmpty() || !headers.containsHeader(HttpHeaders.ACCEPT)) {
			set(request, HttpHeaders.ACCEPT, "application/json");
		}
	}

	/**
	 * Loaded only when reactor-netty is on the class path.
	 */
	private static final class ReactorNetty {

		static boolean set(ClientHttpRequest request, String name, String value) {
			if (request.getNativeRequest() instanceof HttpClientRequest nativeRequest) {
				nativeRequest.requestHeaders().set(name, value);
				return true;
			}
			return false;
		}

	}

}
