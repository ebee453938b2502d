package io.loveandpay.kyc;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The identity data a KYC webhook carries once a customer is verified
 * ({@code verifiedData} in the provider's webhook model, {@code verification} in its
 * session model). Personal data: {@link #toString()} shows none of it.
 *
 * @param firstName the first name
 * @param lastName the last name
 * @param middleName the middle name
 * @param fullName the full name
 * @param dateOfBirth the date of birth
 * @param nationality the nationality
 * @param documentType the document type ({@code passport})
 * @param documentNumber the document number, masked by the provider ({@code ****1234})
 * @param documentCountry the document's country (ISO alpha-3)
 * @since 0.1.0
 */
public record KycWebhookVerifiedData(@Nullable String firstName, @Nullable String lastName, @Nullable String middleName,
		@Nullable String fullName, @Nullable LocalDate dateOfBirth, @Nullable String nationality,
		@Nullable String documentType, @Nullable String documentNumber, @Nullable String documentCountry) {

	@Override
	public String toString() {
		return "KycWebhookVerifiedData[documentType=" + this.documentType + ", personal data withheld]";
	}

}
