package io.loveandpay.kyc;

import org.jspecify.annotations.Nullable;

/**
 * Makes provider or caller text safe to print in a {@code toString()}, and so in a log
 * line: control characters, line and paragraph separators become {@code \r}, {@code \n},
 * {@code \t} or {@code \}{@code uXXXX}, and a backslash is doubled, so that text can
 * neither start a forged log line nor send terminal escapes, and what is printed reads
 * back unambiguously.
 */
final class Printable {

	private Printable() {
	}

	/**
	 * Return the text with control characters escaped.
	 * @param text the text, or {@code null}
	 * @return the escaped text, or {@code "null"}
	 */
	static String escape(@Nullable Object text) {
		if (text == null) {
			return "null";
		}
		String value = text.toString();
		if (value.chars().noneMatch(Printable::needsEscape)) {
			return value;
		}
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\r' -> escaped.append("\\r");
				case '\n' -> escaped.append("\\n");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (needsEscape(c)) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	private static boolean needsEscape(int c) {
		return c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
	}

}
