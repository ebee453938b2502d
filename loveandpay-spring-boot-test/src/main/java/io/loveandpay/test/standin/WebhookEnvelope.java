package io.loveandpay.test.standin;

/**
 * Envelope of the webhooks the stand-in sends; which one the provider uses for v2 KYC
 * sessions is not documented, so tests can try both.
 *
 * @since 0.1.0
 */
public enum WebhookEnvelope {

	/**
	 * The documented KYC envelope:
	 * {@code {"id":"evt_...","type":"kyc.completed","createdAt":"...","data":{"session":{...}}}}.
	 */
	SESSION,

	/**
	 * The invoice-style envelope:
	 * {@code {"id","event","timestamp","data","partnerId","retryCount"}}, with the
	 * session as {@code data}.
	 */
	EVENT

}
