package io.loveandpay.kyc;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Language of the verification page.
 *
 * @since 0.1.0
 */
public enum KycLanguage {

	/** Russian, the provider's default. */
	RU("ru"),

	/** English. */
	EN("en"),

	/** Kazakh. */
	KK("kk");

	private final String value;

	KycLanguage(String value) {
		this.value = value;
	}

	/**
	 * Return the value sent to the provider.
	 * @return {@code ru}, {@code en} or {@code kk}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

}
