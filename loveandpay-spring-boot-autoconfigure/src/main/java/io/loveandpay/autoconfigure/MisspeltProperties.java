package io.loveandpay.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Finds {@code loveandpay.*} properties in the environment that are not ones of the
 * starter (as its configuration metadata lists them) and look like one of them: a
 * misspelt {@code loveandpay.secret} for {@code loveandpay.secret-key}. Names only, never
 * values.
 */
final class MisspeltProperties {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("loveandpay");

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final int MOST = 5;

	private MisspeltProperties() {
	}

	/**
	 * Return one line per unknown {@code loveandpay.*} property that looks like one of
	 * ours, naming the ones it may have meant.
	 * @param environment the environment
	 * @param classLoader the class loader that finds the configuration metadata
	 * @return the lines, none when there is no such property
	 */
	static List<String> describe(Environment environment, ClassLoader classLoader) {
		Set<String> known = knownNames(classLoader);
		if (known.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		for (ConfigurationPropertyName name : unknownNames(environment, known)) {
			List<String> like = known.stream()
				.filter((candidate) -> distance(name, candidate) >= 0)
				.sorted(Comparator.comparingInt((String candidate) -> distance(name, candidate)))
				.limit(3)
				.toList();
			if (!like.isEmpty() && lines.size() < MOST) {
				lines.add(name + " is set but is not a loveandpay property: did you mean " + String.join(" or ", like)
						+ "?");
			}
		}
		return lines;
	}

	private static Set<ConfigurationPropertyName> unknownNames(Environment environment, Set<String> known) {
		Set<ConfigurationPropertyName> unknown = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter(PREFIX::isAncestorOf)
					.filter((name) -> known.stream()
						.noneMatch((ours) -> ConfigurationPropertyName.of(ours).equals(withoutIndexes(name))))
					.forEach(unknown::add);
			}
		}
		return unknown;
	}

	/**
	 * Return a name up to its first index: an element of a list property,
	 * {@code loveandpay.webhook.secret[0]}, or a field of one,
	 * {@code loveandpay.quota.limits[0].burst}, is the list's.
	 */
	private static ConfigurationPropertyName withoutIndexes(ConfigurationPropertyName name) {
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			if (name.isNumericIndex(i)) {
				return name.chop(i);
			}
		}
		return name;
	}

	/**
	 * Return how far a name is from one of ours, or -1 when it does not look like it: one
	 * contains the other (dashes ignored) or they differ by a few letters.
	 */
	private static int distance(ConfigurationPropertyName name, String candidate) {
		String unknown = tail(name.toString());
		String ours = tail(candidate);
		if (unknown.length() >= 3 && (ours.contains(unknown) || unknown.contains(ours))) {
			return Math.abs(ours.length() - unknown.length());
		}
		int distance = levenshtein(unknown, ours);
		return (distance <= Math.max(1, Math.min(unknown.length(), ours.length()) / 4)) ? distance : -1;
	}

	private static String tail(String name) {
		return name.substring(PREFIX.toString().length() + 1).replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static int levenshtein(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Set<String> knownNames(ClassLoader classLoader) {
		Set<String> names = new LinkedHashSet<>();
		try {
			Enumeration<URL> resources = classLoader.getResources(METADATA);
			JsonMapper mapper = JsonMapper.builder().build();
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					JsonNode properties = mapper.readTree(in).path("properties");
					for (JsonNode property : properties) {
						String name = property.path("name").asString("");
						if (name.startsWith(PREFIX + ".")) {
							names.add(name);
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Without the metadata no name can be told apart from ours: suggest nothing.
			return Set.of();
		}
		return names;
	}

}
