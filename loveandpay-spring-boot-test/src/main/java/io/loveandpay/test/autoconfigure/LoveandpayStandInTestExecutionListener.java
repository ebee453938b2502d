package io.loveandpay.test.autoconfigure;

import io.loveandpay.client.internal.LoveandpayClockSkew;
import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets every {@link LoveandpayStandIn} bean of the test's application context (its
 * sessions, scripted faults, journal and webhook settings) before each test method,
 * together with the clock offset the application's client learned from it, then points
 * its webhooks at the application's server again, so that tests sharing a cached context
 * see a fresh stand-in on the same port. Does nothing for a context that is not loaded
 * yet or has no stand-in.
 */
class LoveandpayStandInTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.getBeanProvider(LoveandpayStandIn.class).stream().findAny().isEmpty()) {
			return;
		}
		context.getBeanProvider(LoveandpayStandIn.class).orderedStream().forEach(LoveandpayStandIn::reset);
		context.getBeanProvider(LoveandpayClockSkew.class).orderedStream().forEach(LoveandpayClockSkew::reset);
		context.getBeanProvider(StandInWebhookTarget.class).orderedStream().forEach(StandInWebhookTarget::apply);
	}

}
