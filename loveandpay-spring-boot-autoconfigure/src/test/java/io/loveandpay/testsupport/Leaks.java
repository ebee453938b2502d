package io.loveandpay.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds secrets, signatures and personal data where none may be: exceptions, their
 * causes, and the output of the whole test suite.
 */
public final class Leaks {

	/** What any {@code x-signature} (or any other SHA-256 in hex) looks like. */
	public static final Pattern SIGNATURE = Pattern.compile("(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])");

	/** Every test secret contains this word. */
	public static final String SECRET_MARKER = "canary";

	private Leaks() {
	}

	public static List<String> canaries() {
		List<String> canaries = new ArrayList<>(Fixtures.PERSONAL_DATA);
		canaries.add(SECRET_MARKER);
		canaries.add(TestClients.SECRET_KEY);
		return canaries;
	}

	public static List<String> findIn(String text) {
		List<String> found = new ArrayList<>();
		for (String canary : canaries()) {
			if (canary.chars().allMatch(Character::isDigit) ? digitsIn(text, canary) : text.contains(canary)) {
				found.add("'" + canary + "'");
			}
		}
		Matcher signature = SIGNATURE.matcher(text);
		while (signature.find()) {
			found.add("a 64-digit hex value (signature?) at offset " + signature.start());
		}
		return found;
	}

	/**
	 * Return whether digits appear as a number of their own: not within a longer number
	 * or a word, not within a hexadecimal id (Reactor Netty's connection ids such as
	 * {@code [5e8831fa-3, L:/127.0.0.1:...]}), and not as the counter that ends a
	 * thread's name ({@code tomcat-handler-8831}).
	 */
	private static boolean digitsIn(String text, String digits) {
		return Pattern.compile("(?<![0-9A-Za-z-])" + digits + "(?![0-9A-Za-z])").matcher(text).find();
	}

	public static void assertClean(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			assertThat(findIn(t.toString())).as("leaks in %s", t.getClass().getName()).isEmpty();
			for (Throwable suppressed : t.getSuppressed()) {
				assertThat(findIn(suppressed.toString())).isEmpty();
			}
		}
	}

	/**
	 * Scan the output files that Surefire wrote for every test class of the module.
	 * @param reports the Surefire reports folder
	 * @return one line per finding, naming the file
	 */
	public static List<String> scanTestOutput(Path reports) {
		List<String> findings = new ArrayList<>();
		for (Path file : outputFiles(reports)) {
			try {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				for (String finding : findIn(text)) {
					findings.add(file.getFileName() + ": " + finding);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return findings;
	}

	/**
	 * Assert that the output of every test of the module that ran before is free of
	 * leaks, and that there was output to scan.
	 */
	public static void assertSuiteOutputClean() {
		Path reports = Path.of("target", "surefire-reports");
		List<Path> outputs = outputFiles(reports);
		assertThat(outputs).as("test output files in %s: run the whole suite", reports.toAbsolutePath()).isNotEmpty();
		long size = 0;
		for (Path output : outputs) {
			try {
				size += Files.size(output);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		assertThat(size).as("bytes of test output scanned").isGreaterThan(1000);
		assertThat(scanTestOutput(reports)).isEmpty();
	}

	public static List<Path> outputFiles(Path reports) {
		if (!Files.isDirectory(reports)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(reports)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-output.txt")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
