package io.loveandpay.kyc;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What to create a KYC session with. Every field is optional; fields left unset are not
 * sent. {@link #toString()} shows which contact fields are set, never their values.
 *
 * @since 0.1.0
 */
public final class CreateKycSessionRequest {

	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private final @Nullable UUID invoiceId;

	private final @Nullable String customerEmail;

	private final @Nullable String customerPhone;

	private final @Nullable String customerId;

	private final @Nullable URI callbackUrl;

	private final @Nullable KycLanguage language;

	private CreateKycSessionRequest(Builder builder) {
		this.invoiceId = builder.invoiceId;
		this.customerEmail = builder.customerEmail;
		this.customerPhone = builder.customerPhone;
		this.customerId = builder.customerId;
		this.callbackUrl = builder.callbackUrl;
		this.language = builder.language;
	}

	/**
	 * Start a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the invoice the session belongs to.
	 * @return the invoice id or {@code null}
	 */
	public @Nullable UUID invoiceId() {
		return this.invoiceId;
	}

	/**
	 * Return the customer's e-mail.
	 * @return the e-mail or {@code null}
	 */
	public @Nullable String customerEmail() {
		return this.customerEmail;
	}

	/**
	 * Return the customer's phone.
	 * @return the phone or {@code null}
	 */
	public @Nullable String customerPhone() {
		return this.customerPhone;
	}

	/**
	 * Return the merchant's own id for the customer.
	 * @return the customer id or {@code null}
	 */
	public @Nullable String customerId() {
		return this.customerId;
	}

	/**
	 * Return where the browser goes after verification.
	 * @return the callback URL or {@code null}
	 */
	public @Nullable URI callbackUrl() {
		return this.callbackUrl;
	}

	/**
	 * Return the language of the verification page.
	 * @return the language or {@code null} for the provider's default
	 */
	public @Nullable KycLanguage language() {
		return this.language;
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		putIfSet(json, "invoiceId", this.invoiceId);
		putIfSet(json, "customerEmail", this.customerEmail);
		putIfSet(json, "customerPhone", this.customerPhone);
		putIfSet(json, "customerId", this.customerId);
		putIfSet(json, "callbackUrl", this.callbackUrl);
		putIfSet(json, "language", (this.language != null) ? this.language.value() : null);
		return Collections.unmodifiableMap(json);
	}

	private static void putIfSet(Map<String, Object> json, String name, @Nullable Object value) {
		if (value != null) {
			json.put(name, value.toString());
		}
	}

	@Override
	public String toString() {
		return "CreateKycSessionRequest[invoiceId=" + this.invoiceId + ", customerId=" + set(this.customerId)
				+ ", customerEmail=" + set(this.customerEmail) + ", customerPhone=" + set(this.customerPhone)
				+ ", callbackUrl=" + set(this.callbackUrl) + ", language=" + this.language + "]";
	}

	private static String set(@Nullable Object value) {
		return (value != null) ? "<set>" : "<unset>";
	}

	/**
	 * Builds a {@link CreateKycSessionRequest}. Invalid values are refused with an
	 * {@link IllegalArgumentException} that names the field, never its value.
	 */
	public static final class Builder {

		private @Nullable UUID invoiceId;

		private @Nullable String customerEmail;

		private @Nullable String customerPhone;

		private @Nullable String customerId;

		private @Nullable URI callbackUrl;

		private @Nullable KycLanguage language;

		private Builder() {
		}

		/**
		 * Set the invoice the session belongs to.
		 * @param invoiceId the invoice id
		 * @return this builder
		 */
		public Builder invoiceId(@Nullable UUID invoiceId) {
			this.invoiceId = invoiceId;
			return this;
		}

		/**
		 * Set the customer's e-mail.
		 * @param customerEmail the e-mail
		 * @return this builder
		 */
		public Builder customerEmail(@Nullable String customerEmail) {
			this.customerEmail = customerEmail;
			return this;
		}

		/**
		 * Set the customer's phone, in international form such as {@code +77001234567}.
		 * @param customerPhone the phone
		 * @return this builder
		 */
		public Builder customerPhone(@Nullable String customerPhone) {
			this.customerPhone = customerPhone;
			return this;
		}

		/**
		 * Set the merchant's own id for the customer. Setting it lets you find the
		 * session again when the outcome of a create is unknown.
		 * @param customerId the customer id
		 * @return this builder
		 */
		public Builder customerId(@Nullable String customerId) {
			this.customerId = customerId;
			return this;
		}

		/**
		 * Set where the browser goes after verification (a redirect, not a webhook).
		 * @param callbackUrl an absolute {@code http} or {@code https} URL
		 * @return this builder
		 */
		public Builder callbackUrl(@Nullable URI callbackUrl) {
			this.callbackUrl = callbackUrl;
			return this;
		}

		/**
		 * Set the language of the verification page.
		 * @param language the language
		 * @return this builder
		 */
		public Builder language(@Nullable KycLanguage language) {
			this.language = language;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException if a value is invalid
		 */
		public CreateKycSessionRequest build() {
			requireText("customerEmail", this.customerEmail);
			requireText("customerPhone", this.customerPhone);
			requireText("customerId", this.customerId);
			if (this.customerEmail != null && (this.customerEmail.indexOf('@') < 1
					|| this.customerEmail.indexOf('@') == this.customerEmail.length() - 1
					|| this.customerEmail.chars().anyMatch(Character::isWhitespace))) {
				throw new IllegalArgumentException("customerEmail must be an e-mail address such as name@example.com");
			}
			if (this.customerPhone != null && !PHONE.matcher(this.customerPhone).matches()) {
				throw new IllegalArgumentException(
						"customerPhone must be in international form, '+' and 7 to 15 digits, such as +77001234567");
			}
			if (this.callbackUrl != null && (!this.callbackUrl.isAbsolute() || this.callbackUrl.getHost() == null
					|| !("https".equalsIgnoreCase(this.callbackUrl.getScheme())
							|| "http".equalsIgnoreCase(this.callbackUrl.getScheme())))) {
				throw new IllegalArgumentException("callbackUrl must be an absolute http or https URL");
			}
			return new CreateKycSessionRequest(this);
		}

		private static void requireText(String name, @Nullable String value) {
			if (value != null && (value.isBlank() || value.chars().anyMatch(Character::isISOControl))) {
				throw new IllegalArgumentException(
						name + " must not be blank or contain control characters; leave it unset instead");
			}
		}

	}

}
