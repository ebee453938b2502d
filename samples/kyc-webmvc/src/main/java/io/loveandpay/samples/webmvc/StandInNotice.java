package io.loveandpay.samples.webmvc;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Whether the loveandpay stand-in runs inside this application (the module
 * {@code loveandpay-spring-boot-test} on the class path,
 * {@code loveandpay.stand-in.enabled=true} and no {@code loveandpay.api-key}), so that
 * every page can say that nobody is really verified. The stand-in is a runtime
 * dependency, so its bean is looked up by type name.
 */
@Component
class StandInNotice {

	static final String STAND_IN_CLASS = "io.loveandpay.test.standin.LoveandpayStandIn";

	private final boolean active;

	StandInNotice(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = getClass().getClassLoader();
		this.active = ClassUtils.isPresent(STAND_IN_CLASS, classLoader) && beanFactory
			.getBeanNamesForType(ClassUtils.resolveClassName(STAND_IN_CLASS, classLoader), false, false).length > 0;
	}

	/**
	 * Return whether requests go to the in-app stand-in rather than to loveandpay.
	 * @return whether the stand-in is active
	 */
	boolean isActive() {
		return this.active;
	}

}
