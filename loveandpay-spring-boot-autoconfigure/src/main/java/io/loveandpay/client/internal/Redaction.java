package io.loveandpay.client.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keeps values that may be personal data out of messages: quoted values, e-mail
 * addresses, runs of digits (phones, document numbers, dates) and words in non-Latin
 * script (names) are masked, request ids are checked rather than masked, and third-party
 * exceptions whose messages quote values are replaced by copies that keep only their type
 * and stack trace.
 */
public final class Redaction {

	private static final int MAX_LENGTH = 300;

	private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|«[^»]*»");

	private static final Pattern EMAIL = Pattern.compile("[^\\s@\"',;:()<>]+@[^\\s@\"',;:()<>]+");

	private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d\\s().\\-/]{2,}\\d");

	private static final Pattern NON_ASCII_WORD = Pattern
		.compile("[^\\s\\x00-\\x7F]+[^\\s]*|[^\\s]*[^\\s\\x00-\\x7F]+");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

	private Redaction() {
	}

	/**
	 * Mask anything in a text that could be personal data.
	 * @param text a provider's message, hint or error code
	 * @return the text with quoted values, e-mail addresses, digit runs and non-Latin
	 * words masked, bounded in length and without control characters
	 */
	public static String scrub(String text) {
		String bounded = (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text;
		String masked = QUOTED.matcher(bounded).replaceAll("\"***\"");
		masked = EMAIL.matcher(masked).replaceAll("***");
		masked = DIGITS.matcher(masked).replaceAll("***");
		masked = NON_ASCII_WORD.matcher(masked).replaceAll("***");
		return CONTROL.matcher(masked).replaceAll(" ");
	}

	/**
	 * Show a request id whole, so that it can be quoted to the provider's support, if it
	 * looks like one: up to 128 letters, digits, {@code -}, {@code _}, {@code .} and
	 * {@code :}. Anything else is masked whole.
	 * @param requestId the request id the provider sent
	 * @return the request id, or {@code ***}
	 */
	public static String requestId(String requestId) {
		return REQUEST_ID.matcher(requestId).matches() ? requestId : "***";
	}

	/**
	 * Bound a text in length and replace its control characters.
	 * @param text the text
	 * @return the cleaned text
	 */
	public static String clean(String text) {
		String bounded = (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text;
		return CONTROL.matcher(bounded).replaceAll(" ");
	}

	/**
	 * Copy an exception and its causes keeping their types and stack traces only.
	 * @param original the exception
	 * @return the copy
	 */
	public static @Nullable Throwable redactedCopy(@Nullable Throwable original) {
		return redactedCopy(original, 0);
	}

	private static @Nullable Throwable redactedCopy(@Nullable Throwable original, int depth) {
		if (original == null || depth > 8) {
			return null;
		}
		return new RedactedException(original, redactedCopy(original.getCause(), depth + 1));
	}

	/**
	 * Stands in for an exception whose message may quote personal data.
	 */
	static final class RedactedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RedactedException(Throwable original, @Nullable Throwable cause) {
			super(original.getClass().getName() + " (message withheld: it may quote personal data)", cause, false,
					true);
			setStackTrace(original.getStackTrace());
		}

	}

}
