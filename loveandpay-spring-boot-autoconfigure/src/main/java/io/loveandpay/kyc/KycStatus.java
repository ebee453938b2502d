package io.loveandpay.kyc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * Status of a KYC session. An open set: the provider documents only a few values and uses
 * more, so any value decodes, keeps its raw form and can be told apart with
 * {@link #isKnown()}. Two statuses are equal when their values are.
 *
 * @since 0.1.0
 */
public final class KycStatus {

	/** The customer has not opened the verification page yet. */
	public static final KycStatus NOT_STARTED = new KycStatus("NOT_STARTED", true);

	/** The customer is going through verification. */
	public static final KycStatus IN_PROGRESS = new KycStatus("IN_PROGRESS", true);

	/** The customer's identity is verified. */
	public static final KycStatus APPROVED = new KycStatus("APPROVED", true);

	private final String value;

	private final boolean known;

	private KycStatus(String value, boolean known) {
		this.value = value;
		this.known = known;
	}

	/**
	 * Return the status with the given value, one of the constants when documented.
	 * @param value the raw value, as the provider sends it
	 * @return the status
	 */
	@JsonCreator
	public static KycStatus of(String value) {
		Assert.hasText(value, "'value' must not be empty");
		return switch (value) {
			case "NOT_STARTED" -> NOT_STARTED;
			case "IN_PROGRESS" -> IN_PROGRESS;
			case "APPROVED" -> APPROVED;
			default -> new KycStatus(value, false);
		};
	}

	/**
	 * Return the raw value, as the provider sends it.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Return whether this is one of the documented statuses.
	 * @return {@code false} for a value the provider has not documented
	 */
	public boolean isKnown() {
		return this.known;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof KycStatus status && this.value.equals(status.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	/**
	 * Return the value with control characters escaped, safe to log; {@link #value()} is
	 * the raw value.
	 * @return the printable value
	 */
	@Override
	public String toString() {
		return Printable.escape(this.value);
	}

}
