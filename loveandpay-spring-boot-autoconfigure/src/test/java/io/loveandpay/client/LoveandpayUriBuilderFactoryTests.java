package io.loveandpay.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link LoveandpayUriBuilderFactory}: it must give what a
 * {@link DefaultUriBuilderFactory} gives, for every base URL, template and value.
 */
class LoveandpayUriBuilderFactoryTests {

	private static final String BASE = "https://api.loveandpay.com/api/v2";

	private static final List<String> BASE_URLS = List.of(BASE, "http://127.0.0.1:8089/api/v2",
			"http://localhost:65535/prefix/api/v2", "https://sandbox.loveandpay.com", "https://h/api/v2/",
			"https://h/a%20b/api/v2", "https://user@h/api/v2", "http://[::1]:8080/api/v2", "https://h:/api/v2",
			"https://h//api/v2", "https://h/~a.b_c-d/api/v2", "https://API.Loveandpay.COM:8443/Api/V2");

	/**
	 * Pieces of templates: plain text, variables, and text that needs encoding or
	 * parsing.
	 */
	private static final List<String> TEMPLATE_PIECES = List.of("/", "/", "/kyc", "sessions", "{id}", "{id}",
			"{cursor}", "?", "?", "&", "=", "limit=", "a-b.c_d~", "{x:\\d+}", " ", "%", "%20", "#", ":", "+", "é", ";",
			"{", "}", "{}", "@", "!", "*", "'", "(", ")", ",", "$", "[", "]", "//", "..", ".");

	/** Pieces of the templates the client makes. */
	private static final List<String> PLAIN_PIECES = List.of("kyc", "limit", "a-b.c_d~", "{id}", "{_q0}", "{cursor}");

	/** Pieces of values: everything that must be percent-encoded, and what must not. */
	private static final List<String> VALUE_PIECES = List.of("550e8400-e29b-41d4-a716-446655440000", "abc", "A-Z_0.9~",
			"/", "?", "&", "=", "#", "%", "%41", "+", " ", ":", "@", "é", "ü", "€", "\uD83D\uDE00", "\uD83D", "\u0000",
			"\n", "{", "}", "{id}", "[", "]", ",", ";", "'", "..", "");

	@Test
	void givesTheDefaultFactorysUrisForTheClientsTemplates() {
		for (String base : BASE_URLS) {
			LoveandpayUriBuilderFactory factory = new LoveandpayUriBuilderFactory(base);
			DefaultUriBuilderFactory reference = new DefaultUriBuilderFactory(base);
			assertSame(factory, reference, "/kyc/sessions/{id}", UUID.randomUUID());
			assertSame(factory, reference, "/kyc/sessions");
			assertSame(factory, reference, "/kyc/sessions?limit={_q0}&starting_after={_q1}", 25, "ks_1 2/3?é");
		}
	}

	@Test
	void expandsTheClientsTemplatesOnAPlainBaseUrlWithoutTheDefaultFactory() {
		LoveandpayUriBuilderFactory factory = new LoveandpayUriBuilderFactory("http://127.0.0.1:8089/api/v2");
		assertThat(factory.expandsWithoutParsing("/kyc/sessions/{id}")).isTrue();
		assertThat(factory.expandsWithoutParsing("/kyc/sessions?limit={_q0}&status={_q1}")).isTrue();
		assertThat(factory.expandsWithoutParsing("/kyc/sessions/{id:\\w+}")).isFalse();
		assertThat(factory.expandsWithoutParsing("/kyc/a b")).isFalse();
		assertThat(factory.expandsWithoutParsing("https://elsewhere/x")).isFalse();
		assertThat(new LoveandpayUriBuilderFactory("https://h/a%20b").expandsWithoutParsing("/kyc")).isFalse();
		assertThat(factory.expand("/kyc/sessions/{id}", "a/b?c é"))
			.isEqualTo(URI.create("http://127.0.0.1:8089/api/v2/kyc/sessions/a%2Fb%3Fc%20%C3%A9"));
	}

	@Test
	void failsAsTheDefaultFactoryDoesWhenValuesAreMissing() {
		LoveandpayUriBuilderFactory factory = new LoveandpayUriBuilderFactory(BASE);
		assertThatIllegalArgumentException().isThrownBy(() -> factory.expand("/kyc/sessions/{id}/{part}", "1"));
	}

	@Test
	void givesTheDefaultFactorysUrisForRandomTemplatesAndValues() {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		int withoutParsing = 0;
		for (int i = 0; i < 20_000; i++) {
			String base = BASE_URLS.get(random.nextInt(BASE_URLS.size()));
			String template = random.nextBoolean() ? plainTemplate(random) : anyTemplate(random);
			Object[] values = new Object[random.nextInt(4)];
			for (int v = 0; v < values.length; v++) {
				values[v] = value(random);
			}
			String context = "seed " + seed + ", case " + i + ": " + base + " " + template + " "
					+ java.util.Arrays.toString(values);
			LoveandpayUriBuilderFactory factory = new LoveandpayUriBuilderFactory(base);
			withoutParsing += factory.expandsWithoutParsing(template) ? 1 : 0;
			assertSame(factory, new DefaultUriBuilderFactory(base), template, context, values);
		}
		// The cases cover both ways of expanding.
		assertThat(withoutParsing).isBetween(2_000, 18_000);
	}

	/**
	 * A template such as the client's: plain segments and variables, and maybe a query.
	 */
	private static String plainTemplate(Random random) {
		StringBuilder template = new StringBuilder();
		int segments = 1 + random.nextInt(4);
		for (int s = 0; s < segments; s++) {
			template.append('/').append(plainPiece(random));
		}
		int pairs = random.nextInt(4);
		for (int p = 0; p < pairs; p++) {
			template.append((p == 0) ? '?' : '&').append(PLAIN_PIECES.get(random.nextInt(3))).append('=');
			template.append(plainPiece(random));
		}
		return template.toString();
	}

	private static String plainPiece(Random random) {
		StringBuilder piece = new StringBuilder();
		int parts = random.nextInt(3);
		for (int p = 0; p < parts; p++) {
			piece.append(PLAIN_PIECES.get(random.nextInt(PLAIN_PIECES.size())));
		}
		return piece.toString();
	}

	private static String anyTemplate(Random random) {
		StringBuilder template = new StringBuilder((random.nextInt(10) > 0) ? "/" : "");
		int pieces = random.nextInt(8);
		for (int p = 0; p < pieces; p++) {
			template.append(TEMPLATE_PIECES.get(random.nextInt(TEMPLATE_PIECES.size())));
		}
		return template.toString();
	}

	@Test
	void handsMapsAndBuildersToTheDefaultFactory() {
		LoveandpayUriBuilderFactory factory = new LoveandpayUriBuilderFactory(BASE);
		assertThat(factory.expand("/kyc/sessions/{id}", Map.of("id", "a b")))
			.isEqualTo(URI.create(BASE + "/kyc/sessions/a%20b"));
		assertThat(factory.uriString("/kyc/sessions").queryParam("limit", 1).build())
			.isEqualTo(URI.create(BASE + "/kyc/sessions?limit=1"));
		assertThat(factory.builder().path("/x").build()).isEqualTo(URI.create(BASE + "/x"));
		assertThat(factory.uriString("/kyc/sessions/{id}").replacePath("/other/{id}").build(Map.of("id", "1")))
			.isEqualTo(URI.create("https://api.loveandpay.com/other/1"));
	}

	private static Object value(Random random) {
		int kind = random.nextInt(12);
		if (kind == 0) {
			return random.nextInt();
		}
		if (kind == 1) {
			return UUID.randomUUID();
		}
		if (kind == 2) {
			return (random.nextBoolean()) ? null : "";
		}
		StringBuilder value = new StringBuilder();
		int pieces = 1 + random.nextInt(4);
		for (int p = 0; p < pieces; p++) {
			value.append(VALUE_PIECES.get(random.nextInt(VALUE_PIECES.size())));
		}
		return value.toString();
	}

	private static void assertSame(LoveandpayUriBuilderFactory factory, DefaultUriBuilderFactory reference,
			String template, Object... values) {
		assertSame(factory, reference, template, template, values);
	}

	private static void assertSame(LoveandpayUriBuilderFactory factory, DefaultUriBuilderFactory reference,
			String template, String context, Object... values) {
		// As WebClient uses a factory: the template with the base URL for its
		// observations, then the URI.
		assertSameResult(context + ", template string", () -> reference.uriString(template).toUriString(),
				() -> factory.uriString(template).toUriString());
		assertSameResult(context, () -> reference.uriString(template).build(values.clone()).toString(),
				() -> factory.uriString(template).build(values.clone()).toString());
		assertSameResult(context + ", expand", () -> reference.expand(template, values.clone()).toString(),
				() -> factory.expand(template, values.clone()).toString());
		assertSameResult(context + ", changed builder",
				() -> reference.uriString(template).queryParam("extra", "a b").build(values.clone()).toString(),
				() -> factory.uriString(template).queryParam("extra", "a b").build(values.clone()).toString());
	}

	private static void assertSameResult(String context, Supplier<String> reference, Supplier<String> factory) {
		Object expected;
		try {
			expected = reference.get();
		}
		catch (RuntimeException ex) {
			expected = ex.getClass();
		}
		Object actual;
		try {
			actual = factory.get();
		}
		catch (RuntimeException ex) {
			actual = ex.getClass();
		}
		if (!expected.equals(actual)) {
			fail(context + ": expected " + expected + " but was " + actual);
		}
	}

}
