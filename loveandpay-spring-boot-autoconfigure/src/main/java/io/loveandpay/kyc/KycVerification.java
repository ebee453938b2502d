package io.loveandpay.kyc;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the provider verified about the customer. Present once a session is verified; list
 * items carry a shorter form (no middle name, document number or document dates).
 * <p>
 * {@link #toString()} shows no names, dates or document number, and escapes control
 * characters in the provider's text.
 *
 * @param firstName the first name
 * @param lastName the last name
 * @param middleName the middle name (patronymic)
 * @param fullName the full name
 * @param dateOfBirth the date of birth
 * @param documentType the document type, such as {@code passport}
 * @param documentNumber the document number, masked by the provider ({@code ****1234})
 * @param documentCountry the issuing country, ISO 3166 alpha-3 ({@code RUS})
 * @param documentIssuedAt the date the document was issued
 * @param documentExpiresAt the date the document expires
 * @param faceMatchScore how well the face matched the document, 0 to 1
 * @param livenessScore how sure the provider is that a live person took part, 0 to 1
 * @param verifiedAt when the verification finished
 * @since 0.1.0
 */
public record KycVerification(@Nullable String firstName, @Nullable String lastName, @Nullable String middleName,
		@Nullable String fullName, @Nullable LocalDate dateOfBirth, @Nullable String documentType,
		@Nullable String documentNumber, @Nullable String documentCountry, @Nullable LocalDate documentIssuedAt,
		@Nullable LocalDate documentExpiresAt, @Nullable Double faceMatchScore, @Nullable Double livenessScore,
		@Nullable Instant verifiedAt) {

	@Override
	public String toString() {
		return "KycVerification[documentType=" + Printable.escape(this.documentType) + ", documentCountry="
				+ Printable.escape(this.documentCountry) + ", faceMatchScore=" + this.faceMatchScore
				+ ", livenessScore=" + this.livenessScore + ", verifiedAt=" + this.verifiedAt
				+ ", personal data withheld]";
	}

}
