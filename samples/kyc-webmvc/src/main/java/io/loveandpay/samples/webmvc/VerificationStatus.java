package io.loveandpay.samples.webmvc;

/**
 * Where a verification stands, as this application knows it from the provider's webhooks.
 */
enum VerificationStatus {

	/**
	 * Started; no outcome has arrived yet.
	 */
	PENDING,

	/**
	 * The provider reported {@code kyc.completed}.
	 */
	APPROVED,

	/**
	 * The provider reported {@code kyc.failed}.
	 */
	REJECTED

}
