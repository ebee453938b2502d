package io.loveandpay.client.internal;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBufferLimitException;
import io.loveandpay.client.LoveandpayException;
import io.loveandpay.client.LoveandpayOutcomeUnknownException;
import io.loveandpay.client.LoveandpayProtocolException;
import io.loveandpay.client.LoveandpayTimeoutException;
import io.loveandpay.client.LoveandpayTransportException;

/**
 * Turns what the HTTP stack throws into the client's typed exceptions, and decides
 * whether a request may have reached the provider.
 */
final class Failures {

	private static final List<String> NOT_SENT_TYPE_NAMES = List.of(
			"reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException",
			"reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException");

	private static final String BASE_URL_PROPERTY = "loveandpay.base-url";

	private Failures() {
	}

	/**
	 * Return the host and port of a base URL, to name in network errors: never its user
	 * info, path or query.
	 * @param baseUrl the base URL, if known
	 * @return {@code host:port}, or {@code null} when there is no host
	 */
	static @Nullable String where(@Nullable URI baseUrl) {
		if (baseUrl == null || baseUrl.getHost() == null) {
			return null;
		}
		int port = baseUrl.getPort();
		if (port < 0) {
			port = "http".equalsIgnoreCase(baseUrl.getScheme()) ? 80 : 443;
		}
		return baseUrl.getHost() + ":" + port;
	}

	/**
	 * Turn a failure into the client's typed exception.
	 * @param call the call that failed
	 * @param failure what failed it
	 * @param mayHaveBeenSent whether the request may have reached the provider
	 * @param where the host and port of the base URL ({@link #where(URI)}), named in
	 * network errors
	 * @return the typed exception
	 */
	static LoveandpayException translate(LoveandpayCall call, Throwable failure, boolean mayHaveBeenSent,
			@Nullable String where) {
		if (failure instanceof LoveandpayException loveandpay) {
			return loveandpay;
		}
		LoveandpayException typed = typed(call.operation(), failure, where);
		if (call.idempotent() || !mayHaveBeenSent || neverSent(failure)) {
			return typed;
		}
		return outcomeUnknown(call, typed.getMessage(), typed);
	}

	static boolean neverSent(Throwable failure) {
		if (find(failure, ConnectException.class) != null || find(failure, ConnectTimeoutException.class) != null
				|| find(failure, UnknownHostException.class) != null
				|| find(failure, UnresolvedAddressException.class) != null) {
			return true;
		}
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (NOT_SENT_TYPE_NAMES.contains(candidate.getClass().getName())) {
				return true;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return false;
	}

	static LoveandpayOutcomeUnknownException outcomeUnknown(LoveandpayCall call, String what, Throwable cause) {
		String advice = (call.outcomeUnknownAdvice() != null) ? " " + call.outcomeUnknownAdvice() : "";
		return new LoveandpayOutcomeUnknownException(call.operation(),
				call.operation() + " may or may not have taken effect: the request was sent but no complete answer "
						+ "came back (" + what + "). It is not retried, because the provider has no idempotency keys."
						+ advice,
				cause);
	}

	private static LoveandpayException typed(String operation, Throwable failure, @Nullable String where) {
		String at = (where != null) ? " at " + where + " (" + BASE_URL_PROPERTY + ")" : "";
		if (find(failure, ConnectTimeoutException.class) != null) {
			return new LoveandpayTimeoutException(operation, operation + " timed out connecting to the provider" + at,
					failure);
		}
		if (failure instanceof CallTimeoutException) {
			return new LoveandpayTimeoutException(operation, operation + " did not complete within its call timeout of "
					+ ((CallTimeoutException) failure).timeout.toMillis() + " ms, retries included", failure);
		}
		if (find(failure, ReadTimeoutException.class) != null || find(failure, TimeoutException.class) != null) {
			return new LoveandpayTimeoutException(operation, operation + " timed out waiting for the provider's answer",
					failure);
		}
		if (find(failure, WriteTimeoutException.class) != null) {
			return new LoveandpayTimeoutException(operation, operation + " timed out sending the request", failure);
		}
		if (find(failure, DataBufferLimitException.class) != null) {
			return new LoveandpayProtocolException(operation,
					operation + " received a response body larger than the client accepts", failure);
		}
		Throwable root = root(failure);
		if (isNetworkLevel(root)) {
			String message = root.getMessage();
			String detail = (message != null && !message.isBlank()) ? ": " + Redaction.clean(message) : "";
			String talking = (where != null) ? " talking to the provider" + at : "";
			return new LoveandpayTransportException(operation,
					operation + " failed" + talking + ": " + root.getClass().getSimpleName() + detail, failure);
		}
		// Anything else (an HTTP decoder's complaint, say) may quote bytes of the answer,
		// and those may be a person's data: keep its type and stack trace, not its words.
		return new LoveandpayTransportException(operation, operation + " failed: " + root.getClass().getSimpleName(),
				Redaction.redactedCopy(failure));
	}

	private static boolean isNetworkLevel(Throwable root) {
		String type = root.getClass().getName();
		return root instanceof java.net.SocketException || root instanceof UnknownHostException
				|| root instanceof UnresolvedAddressException || type.startsWith("io.netty.channel")
				|| type.startsWith("io.netty.resolver") || type.startsWith("reactor.netty.channel");
	}

	private static Throwable root(Throwable failure) {
		Throwable root = failure;
		int depth = 0;
		while (root.getCause() != null && root.getCause() != root && depth++ < 16) {
			root = root.getCause();
		}
		return root;
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		int depth = 0;
		for (Throwable candidate = failure; candidate != null && depth++ < 16; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	/**
	 * The whole call, retries included, ran out of time.
	 */
	static final class CallTimeoutException extends TimeoutException {

		private static final long serialVersionUID = 1L;

		private final transient Duration timeout;

		CallTimeoutException(Duration timeout) {
			super("Call timeout of " + timeout.toMillis() + " ms exceeded");
			this.timeout = timeout;
		}

	}

}
