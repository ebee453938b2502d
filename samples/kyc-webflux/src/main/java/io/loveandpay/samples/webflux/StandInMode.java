package io.loveandpay.samples.webflux;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Tells whether the loveandpay client talks to a stand-in rather than to loveandpay:
 * whether the application context holds a {@code LoveandpayStandIn}, as the in-app demo
 * mode ({@code loveandpay.stand-in.enabled} without {@code loveandpay.api-key}) and
 * {@code @AutoConfigureLoveandpayStandIn} make. The stand-in module is a runtime
 * dependency only, so the type is looked up by name.
 */
@Component
class StandInMode {

	private static final String STAND_IN = "io.loveandpay.test.standin.LoveandpayStandIn";

	private final boolean active;

	StandInMode(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = StandInMode.class.getClassLoader();
		this.active = ClassUtils.isPresent(STAND_IN, classLoader) && beanFactory
			.getBeanNamesForType(ClassUtils.resolveClassName(STAND_IN, classLoader), false, false).length > 0;
	}

	boolean isActive() {
		return this.active;
	}

}
