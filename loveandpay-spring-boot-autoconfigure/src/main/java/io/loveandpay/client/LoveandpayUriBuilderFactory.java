package io.loveandpay.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * A {@link UriBuilderFactory} for the API's base URL that expands the client's URI
 * templates without parsing them on every request.
 * <p>
 * It gives exactly the URIs of a {@link DefaultUriBuilderFactory} for the same base URL,
 * whose default encoding ({@code TEMPLATE_AND_VALUES}) percent-encodes every character of
 * a variable's value that is not unreserved. Where that takes no parsing (a base URL and
 * templates of plain characters, {@code {name}} variables, one value for each, none
 * {@code null}), it joins the base URL, the template's text and the encoded values into
 * one string, with the template split once and kept; anything else it hands to a
 * {@link DefaultUriBuilderFactory}. The default factory builds, parses and expands a
 * template on every request, which costs as much CPU as signing it.
 * <p>
 * Set it with {@code WebClient.Builder#uriBuilderFactory} in place of {@code baseUrl}.
 *
 * @since 0.1.0
 */
public final class LoveandpayUriBuilderFactory implements UriBuilderFactory {

	/** Templates kept at most; others are split again on every request. */
	private static final int MAX_TEMPLATES = 256;

	/** Kept for a template that the default factory expands. */
	private static final Template NOT_PLAIN = new Template("", new String[0], 0);

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final DefaultUriBuilderFactory delegate;

	private final @Nullable String baseUrl;

	private final Map<String, Template> templates = new ConcurrentHashMap<>();

	/**
	 * Create a factory for a base URL.
	 * @param baseUrl the base URL, such as {@code https://api.loveandpay.com/api/v2}
	 */
	public LoveandpayUriBuilderFactory(String baseUrl) {
		Assert.hasText(baseUrl, "'baseUrl' must not be empty");
		this.delegate = new DefaultUriBuilderFactory(baseUrl);
		this.baseUrl = isPlainBaseUrl(baseUrl) ? baseUrl : null;
	}

	@Override
	public URI expand(String uriTemplate, @Nullable Object... uriVariables) {
		return uriString(uriTemplate).build(uriVariables);
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ? extends @Nullable Object> uriVariables) {
		return this.delegate.expand(uriTemplate, uriVariables);
	}

	/**
	 * Return a builder for the template. {@code WebClient} calls it for every request,
	 * then {@link UriBuilder#toUriString()} (for the {@code uri} tag of its observations)
	 * and {@link UriBuilder#build(Object...)}: both take no parsing for a plain template.
	 * Changing the builder, or building it from a map, hands it to the default factory.
	 */
	@Override
	public UriBuilder uriString(String uriTemplate) {
		Template template = (this.baseUrl != null) ? template(uriTemplate) : NOT_PLAIN;
		if (template == NOT_PLAIN) {
			return this.delegate.uriString(uriTemplate);
		}
		return new PlainUriBuilder(template, uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.delegate.builder();
	}

	/**
	 * Return whether a template is expanded without the default factory.
	 */
	boolean expandsWithoutParsing(String uriTemplate) {
		return this.baseUrl != null && template(uriTemplate) != NOT_PLAIN;
	}

	private Template template(String uriTemplate) {
		Template template = this.templates.get(uriTemplate);
		if (template == null) {
			template = Template.split(this.baseUrl, uriTemplate);
			if (this.templates.size() < MAX_TEMPLATES) {
				this.templates.putIfAbsent(uriTemplate, template);
			}
		}
		return template;
	}

	/**
	 * Append a variable's value as the default factory encodes it: UTF-8, every byte
	 * percent-encoded except the unreserved characters.
	 */
	private static void appendEncoded(StringBuilder uri, String value) {
		int length = value.length();
		int plain = 0;
		while (plain < length && isUnreserved(value.charAt(plain))) {
			plain++;
		}
		if (plain == length) {
			uri.append(value);
			return;
		}
		uri.append(value, 0, plain);
		byte[] bytes = value.substring(plain).getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			if (b >= 0 && isUnreserved((char) b)) {
				uri.append((char) b);
			}
			else {
				uri.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	/**
	 * Return whether the base URL needs no encoding and no parsing to have a path
	 * appended: {@code http} or {@code https}, a host name or IPv4 address, an optional
	 * port, and a path of unreserved characters not ending in {@code /}.
	 */
	static boolean isPlainBaseUrl(String baseUrl) {
		int start;
		if (baseUrl.startsWith("https://")) {
			start = 8;
		}
		else if (baseUrl.startsWith("http://")) {
			start = 7;
		}
		else {
			return false;
		}
		int pathStart = baseUrl.indexOf('/', start);
		String authority = (pathStart >= 0) ? baseUrl.substring(start, pathStart) : baseUrl.substring(start);
		String path = (pathStart >= 0) ? baseUrl.substring(pathStart) : "";
		int colon = authority.indexOf(':');
		String host = (colon >= 0) ? authority.substring(0, colon) : authority;
		String port = (colon >= 0) ? authority.substring(colon + 1) : "";
		if (host.isEmpty() || (colon >= 0 && (port.isEmpty() || port.length() > 5))) {
			return false;
		}
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (!isUnreserved(c) || c == '_' || c == '~') {
				return false;
			}
		}
		for (int i = 0; i < port.length(); i++) {
			if (port.charAt(i) < '0' || port.charAt(i) > '9') {
				return false;
			}
		}
		if (path.endsWith("/") || path.contains("//")) {
			return false;
		}
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (!isUnreserved(c) && c != '/') {
				return false;
			}
		}
		return true;
	}

	/**
	 * A builder of a plain template, handed to the default factory once it is changed.
	 */
	private final class PlainUriBuilder implements UriBuilder {

		private final Template template;

		private final String uriTemplate;

		private @Nullable UriBuilder changed;

		PlainUriBuilder(Template template, String uriTemplate) {
			this.template = template;
			this.uriTemplate = uriTemplate;
		}

		private UriBuilder changed() {
			UriBuilder changed = this.changed;
			if (changed == null) {
				changed = LoveandpayUriBuilderFactory.this.delegate.uriString(this.uriTemplate);
				this.changed = changed;
			}
			return changed;
		}

		@Override
		public URI build(@Nullable Object... uriVariables) {
			if (this.changed == null) {
				URI uri = expand(this.template, uriVariables);
				if (uri != null) {
					return uri;
				}
			}
			return changed().build(uriVariables);
		}

		@Override
		public URI build(Map<String, ? extends @Nullable Object> uriVariables) {
			return changed().build(uriVariables);
		}

		@Override
		public String toUriString() {
			return (this.changed != null) ? this.changed.toUriString() : this.template.uriString();
		}

		@Override
		public UriBuilder scheme(@Nullable String scheme) {
			changed().scheme(scheme);
			return this;
		}

		@Override
		public UriBuilder userInfo(@Nullable String userInfo) {
			changed().userInfo(userInfo);
			return this;
		}

		@Override
		public UriBuilder host(@Nullable String host) {
			changed().host(host);
			return this;
		}

		@Override
		public UriBuilder port(int port) {
			changed().port(port);
			return this;
		}

		@Override
		public UriBuilder port(@Nullable String port) {
			changed().port(port);
			return this;
		}

		@Override
		public UriBuilder path(String path) {
			changed().path(path);
			return this;
		}

		@Override
		public UriBuilder replacePath(@Nullable String path) {
			changed().replacePath(path);
			return this;
		}

		@Override
		public UriBuilder pathSegment(String... pathSegments) {
			changed().pathSegment(pathSegments);
			return this;
		}

		@Override
		public UriBuilder query(String query) {
			changed().query(query);
			return this;
		}

		@Override
		public UriBuilder replaceQuery(@Nullable String query) {
			changed().replaceQuery(query);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Object... values) {
			changed().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Collection<?> values) {
			changed().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParamIfPresent(String name, Optional<?> value) {
			changed().queryParamIfPresent(name, value);
			return this;
		}

		@Override
		public UriBuilder queryParams(MultiValueMap<String, String> params) {
			changed().queryParams(params);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Object... values) {
			changed().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Collection<?> values) {
			changed().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParams(MultiValueMap<String, String> params) {
			changed().replaceQueryParams(params);
			return this;
		}

		@Override
		public UriBuilder fragment(@Nullable String fragment) {
			changed().fragment(fragment);
			return this;
		}

	}

	/**
	 * Expand a plain template with one value for each variable, none {@code null}, as the
	 * default factory would; return {@code null} for other values.
	 */
	private @Nullable URI expand(Template template, @Nullable Object[] uriVariables) {
		if (template.variables() != uriVariables.length) {
			return null;
		}
		String[] text = template.text();
		StringBuilder uri = new StringBuilder(template.uriString().length() + 16 * uriVariables.length);
		uri.append(this.baseUrl).append(text[0]);
		for (int i = 0; i < uriVariables.length; i++) {
			Object value = uriVariables[i];
			if (value == null) {
				return null;
			}
			appendEncoded(uri, value.toString());
			uri.append(text[i + 1]);
		}
		return URI.create(uri.toString());
	}

	/**
	 * A template split at its variables: the base URL, {@code text[0]}, the first value,
	 * {@code text[1]}, and so on.
	 *
	 * @param uriString the base URL and the template, as the default factory's builder
	 * gives it
	 */
	private record Template(String uriString, String[] text, int variables) {

		/**
		 * Split a template that starts with {@code /}, has text of unreserved characters,
		 * {@code /}, {@code &}, {@code =} and at most one {@code ?}, no {@code //}, and
		 * {@code {name}} variables only; otherwise return {@link #NOT_PLAIN}.
		 */
		static Template split(@Nullable String baseUrl, String uriTemplate) {
			if (!uriTemplate.startsWith("/") || uriTemplate.startsWith("//")) {
				return NOT_PLAIN;
			}
			List<String> text = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			boolean query = false;
			int i = 0;
			while (i < uriTemplate.length()) {
				char c = uriTemplate.charAt(i);
				if (c == '{') {
					int end = uriTemplate.indexOf('}', i);
					if (end < 0 || !isVariableName(uriTemplate, i + 1, end)) {
						return NOT_PLAIN;
					}
					text.add(current.toString());
					current.setLength(0);
					i = end + 1;
					continue;
				}
				if (c == '?') {
					if (query) {
						return NOT_PLAIN;
					}
					query = true;
				}
				else if (!isUnreserved(c) && c != '/' && !(query && (c == '&' || c == '='))) {
					return NOT_PLAIN;
				}
				else if (c == '/' && !query && i > 0 && uriTemplate.charAt(i - 1) == '/') {
					return NOT_PLAIN;
				}
				current.append(c);
				i++;
			}
			int question = uriTemplate.indexOf('?');
			if (question >= 0 && !isPlainQuery(uriTemplate.substring(question + 1))) {
				return NOT_PLAIN;
			}
			text.add(current.toString());
			return new Template(baseUrl + uriTemplate, text.toArray(String[]::new), text.size() - 1);
		}

		/**
		 * Return whether a query is {@code name=value} pairs joined by single {@code &},
		 * with distinct plain names and one {@code =} each: the default factory parses
		 * anything else into another query.
		 */
		private static boolean isPlainQuery(String query) {
			Set<String> names = new HashSet<>();
			for (String pair : query.split("&", -1)) {
				int equals = pair.indexOf('=');
				if (equals <= 0 || pair.indexOf('=', equals + 1) >= 0 || pair.lastIndexOf('{', equals) >= 0
						|| !names.add(pair.substring(0, equals))) {
					return false;
				}
			}
			return true;
		}

		private static boolean isVariableName(String template, int start, int end) {
			if (start == end) {
				return false;
			}
			for (int i = start; i < end; i++) {
				char c = template.charAt(i);
				if (!isUnreserved(c) || c == '.') {
					return false;
				}
			}
			return true;
		}

	}

}
