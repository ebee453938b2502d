package io.loveandpay.testsupport;

import io.loveandpay.kyc.BlockingKycSessionService;

/**
 * An application bean that injects the {@link BlockingKycSessionService}, as a controller
 * does: with it in a context, the client is made, and its configuration checked, at
 * start-up.
 */
public class Checkout {

	private final BlockingKycSessionService sessions;

	public Checkout(BlockingKycSessionService sessions) {
		this.sessions = sessions;
	}

	public BlockingKycSessionService sessions() {
		return this.sessions;
	}

}
