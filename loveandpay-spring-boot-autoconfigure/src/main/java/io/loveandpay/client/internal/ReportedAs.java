package io.loveandpay.client.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the public model an internal answer type is read into, so that a field the
 * provider sends and the client does not know is reported under the name users see, such
 * as {@code KycSession.riskScore}, never under the internal type's name.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReportedAs {

	/**
	 * Return the public model whose simple name prefixes an undocumented field.
	 * @return the public model type
	 */
	Class<?> value();

}
