package io.loveandpay.kyc;

import org.jspecify.annotations.Nullable;

/**
 * Which KYC sessions to list: page size, offset and an optional status filter.
 *
 * @since 0.1.0
 */
public final class KycSessionQuery {

	/** Default page size. */
	public static final int DEFAULT_LIMIT = 50;

	/** Largest page size the provider serves. */
	public static final int MAX_LIMIT = 100;

	private final int limit;

	private final int offset;

	private final @Nullable KycStatus status;

	private KycSessionQuery(int limit, int offset, @Nullable KycStatus status) {
		this.limit = limit;
		this.offset = offset;
		this.status = status;
	}

	/**
	 * Start a query.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the first page of every session, {@value #DEFAULT_LIMIT} at a time.
	 * @return the query
	 */
	public static KycSessionQuery all() {
		return builder().build();
	}

	/**
	 * Return the page size.
	 * @return 1 to {@value #MAX_LIMIT}
	 */
	public int limit() {
		return this.limit;
	}

	/**
	 * Return how many matching sessions to skip.
	 * @return 0 or more
	 */
	public int offset() {
		return this.offset;
	}

	/**
	 * Return the status filter.
	 * @return the status, or {@code null} for every status
	 */
	public @Nullable KycStatus status() {
		return this.status;
	}

	/**
	 * Start a builder with this query's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		return new Builder().limit(this.limit).offset(this.offset).status(this.status);
	}

	@Override
	public String toString() {
		return "KycSessionQuery[limit=" + this.limit + ", offset=" + this.offset + ", status=" + this.status + "]";
	}

	/**
	 * Builds a {@link KycSessionQuery}.
	 */
	public static final class Builder {

		private int limit = DEFAULT_LIMIT;

		private int offset;

		private @Nullable KycStatus status;

		private Builder() {
		}

		/**
		 * Set the page size.
		 * @param limit 1 to {@value KycSessionQuery#MAX_LIMIT}
		 * @return this builder
		 */
		public Builder limit(int limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Set how many matching sessions to skip.
		 * @param offset 0 or more
		 * @return this builder
		 */
		public Builder offset(int offset) {
			this.offset = offset;
			return this;
		}

		/**
		 * Keep only sessions with this status.
		 * @param status the status, or {@code null} for every status
		 * @return this builder
		 */
		public Builder status(@Nullable KycStatus status) {
			this.status = status;
			return this;
		}

		/**
		 * Build the query.
		 * @return the query
		 * @throws IllegalArgumentException if the limit or offset is out of range
		 */
		public KycSessionQuery build() {
			if (this.limit < 1 || this.limit > MAX_LIMIT) {
				throw new IllegalArgumentException(
						"limit must be between 1 and " + MAX_LIMIT + " but was " + this.limit);
			}
			if (this.offset < 0) {
				throw new IllegalArgumentException("offset must be 0 or more but was " + this.offset);
			}
			return new KycSessionQuery(this.limit, this.offset, this.status);
		}

	}

}
