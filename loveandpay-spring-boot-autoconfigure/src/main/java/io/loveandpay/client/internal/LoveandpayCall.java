package io.loveandpay.client.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One call of the provider's v2 API: operation name, method, path below {@code /api/v2},
 * query parameters and body.
 *
 * @since 0.1.0
 */
public final class LoveandpayCall {

	private final String operation;

	private final HttpMethod method;

	private final String pathTemplate;

	private final List<Object> pathVariables;

	private final Map<String, String> query;

	private final @Nullable Object body;

	private final @Nullable String outcomeUnknownAdvice;

	private final boolean retriesAllowed;

	private final String uriTemplate;

	private final Object[] uriVariables;

	private LoveandpayCall(Builder builder) {
		this.operation = builder.operation;
		this.method = builder.method;
		this.pathTemplate = builder.pathTemplate;
		this.pathVariables = List.copyOf(builder.pathVariables);
		this.query = builder.query.isEmpty() ? Collections.emptyMap()
				: Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
		this.body = builder.body;
		this.outcomeUnknownAdvice = builder.outcomeUnknownAdvice;
		this.retriesAllowed = builder.retriesAllowed;
		this.uriTemplate = uriTemplate(this.pathTemplate, this.query);
		List<Object> variables = new ArrayList<>(this.pathVariables.size() + this.query.size());
		variables.addAll(this.pathVariables);
		variables.addAll(this.query.values());
		this.uriVariables = variables.toArray();
	}

	/**
	 * Start a {@code GET}.
	 * @param operation the operation name, for example {@code kyc.sessions.get}
	 * @param pathTemplate the path below {@code /api/v2}, for example
	 * {@code /kyc/sessions/{id}}
	 * @param pathVariables the values of the path's variables, in order
	 * @return a builder
	 * @throws IllegalArgumentException if a path variable is {@code .} or {@code ..},
	 * percent-encoded or not
	 */
	public static Builder get(String operation, String pathTemplate, Object... pathVariables) {
		return new Builder(operation, HttpMethod.GET, pathTemplate, pathVariables);
	}

	/**
	 * Start a {@code POST} with a JSON body. A {@code POST} is never sent twice by the
	 * client.
	 * @param operation the operation name, for example {@code kyc.sessions.create}
	 * @param pathTemplate the path below {@code /api/v2}
	 * @param body the body, serialised to JSON once
	 * @return a builder
	 */
	public static Builder post(String operation, String pathTemplate, Object body) {
		return new Builder(operation, HttpMethod.POST, pathTemplate, new Object[0]).body(body);
	}

	/**
	 * Return the operation name.
	 * @return the operation name
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return the path template below {@code /api/v2}.
	 * @return the path template
	 */
	public String pathTemplate() {
		return this.pathTemplate;
	}

	/**
	 * Return the body to send as JSON.
	 * @return the body or {@code null}
	 */
	public @Nullable Object body() {
		return this.body;
	}

	/**
	 * Return whether sending the call twice does no harm.
	 * @return {@code true} for {@code GET}
	 */
	public boolean idempotent() {
		return this.method == HttpMethod.GET || this.method == HttpMethod.HEAD;
	}

	/**
	 * Return how a caller finds out whether a call whose outcome is unknown took effect.
	 * @return the advice or {@code null}
	 */
	public @Nullable String outcomeUnknownAdvice() {
		return this.outcomeUnknownAdvice;
	}

	/**
	 * Return whether a failed attempt may be retried as the call policy allows.
	 * @return {@code false} for a call made only once
	 */
	public boolean retriesAllowed() {
		return this.retriesAllowed;
	}

	/**
	 * Return the URI template below {@code /api/v2}, the query included, whose variables
	 * {@link #uriVariables()} gives in order.
	 */
	String uriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * Return the values of the URI template's variables; not to be changed.
	 */
	Object[] uriVariables() {
		return this.uriVariables;
	}

	private static String uriTemplate(String pathTemplate, Map<String, String> query) {
		if (query.isEmpty()) {
			return pathTemplate;
		}
		StringBuilder template = new StringBuilder(pathTemplate);
		char separator = '?';
		int variable = 0;
		for (String name : query.keySet()) {
			template.append(separator).append(name).append("={_q").append(variable++).append('}');
			separator = '&';
		}
		return template.toString();
	}

	private static int variableCount(String pathTemplate) {
		int count = 0;
		int start = pathTemplate.indexOf('{');
		while (start >= 0) {
			int end = pathTemplate.indexOf('}', start);
			Assert.isTrue(end > start, () -> "Unbalanced braces in " + pathTemplate);
			count++;
			start = pathTemplate.indexOf('{', end);
		}
		return count;
	}

	@Override
	public String toString() {
		return this.method.name() + " " + this.pathTemplate + " (" + this.operation + ")";
	}

	/**
	 * Builds a {@link LoveandpayCall}.
	 */
	public static final class Builder {

		private static final Pattern PERCENT_ENCODED_DOT = Pattern.compile("%2e", Pattern.CASE_INSENSITIVE);

		private static final Pattern PERCENT_ENCODED_PERCENT = Pattern.compile("%25");

		private final String operation;

		private final HttpMethod method;

		private final String pathTemplate;

		private final List<Object> pathVariables;

		private final Map<String, String> query = new LinkedHashMap<>();

		private @Nullable Object body;

		private @Nullable String outcomeUnknownAdvice;

		private boolean retriesAllowed = true;

		private Builder(String operation, HttpMethod method, String pathTemplate, Object[] pathVariables) {
			Assert.hasText(operation, "'operation' must not be empty");
			Assert.isTrue(pathTemplate.startsWith("/"), "'pathTemplate' must start with '/'");
			this.operation = operation;
			this.method = method;
			this.pathTemplate = pathTemplate;
			Assert.noNullElements(pathVariables, "'pathVariables' must not contain null");
			Assert.isTrue(variableCount(pathTemplate) == pathVariables.length,
					() -> "'pathVariables' must give one value for each variable of " + pathTemplate);
			for (Object variable : pathVariables) {
				Assert.isTrue(!isDotSegment(variable.toString()), () -> "A path variable of " + operation
						+ " must not be '.' or '..', percent-encoded or not: it would move up the path");
			}
			this.pathVariables = List.of(pathVariables);
		}

		/**
		 * Whether a value, once every percent-encoded dot and percent sign in it is
		 * decoded (up to eight times over), is {@code .} or {@code ..}: a segment that a
		 * server or proxy on the way may resolve against the path before it.
		 */
		private static boolean isDotSegment(String value) {
			String decoded = value;
			for (int round = 0; round < 8 && decoded.indexOf('%') >= 0; round++) {
				String next = PERCENT_ENCODED_DOT.matcher(PERCENT_ENCODED_PERCENT.matcher(decoded).replaceAll("%"))
					.replaceAll(".");
				if (next.equals(decoded)) {
					break;
				}
				decoded = next;
			}
			return decoded.equals(".") || decoded.equals("..");
		}

		/**
		 * Add a query parameter; a {@code null} value adds nothing.
		 * @param name the parameter name
		 * @param value the value, sent as its string form
		 * @return this builder
		 */
		public Builder query(String name, @Nullable Object value) {
			Assert.isTrue(isPlainName(name), () -> "'" + name + "' is not a plain query parameter name");
			if (value != null) {
				this.query.put(name, value.toString());
			}
			return this;
		}

		private static boolean isPlainName(String name) {
			if (name.isEmpty()) {
				return false;
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-' && c != '.') {
					return false;
				}
			}
			return true;
		}

		/**
		 * Set the JSON body.
		 * @param body the body
		 * @return this builder
		 */
		public Builder body(Object body) {
			this.body = body;
			return this;
		}

		/**
		 * Say how a caller finds out whether this call took effect when its outcome is
		 * unknown.
		 * @param advice one sentence of advice
		 * @return this builder
		 */
		public Builder outcomeUnknownAdvice(String advice) {
			this.outcomeUnknownAdvice = advice;
			return this;
		}

		/**
		 * Make the call once, whatever the call policy allows: for probes that must stay
		 * cheap.
		 * @return this builder
		 */
		public Builder withoutRetries() {
			this.retriesAllowed = false;
			return this;
		}

		/**
		 * Build the call.
		 * @return the call
		 */
		public LoveandpayCall build() {
			return new LoveandpayCall(this);
		}

	}

}
