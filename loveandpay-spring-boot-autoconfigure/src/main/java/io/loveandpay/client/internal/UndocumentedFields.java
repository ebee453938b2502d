package io.loveandpay.client.internal;

import java.lang.reflect.Modifier;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

import io.loveandpay.client.LoveandpayClientListener;

/**
 * Tells the listener of every field the provider sends that the client does not know,
 * then lets Jackson skip it as usual. Types that ignore unknown fields on purpose (such
 * as the health probe's answer) never get here.
 * <p>
 * A field is named by the public model it belongs to, never by an internal type:
 * <ul>
 * <li>in a type marked {@link ReportedAs @ReportedAs}, by that model
 * ({@code KycSession.riskScore});</li>
 * <li>in a public model, by its own name ({@code KycVerification.x});</li>
 * <li>at the top level of an answer ({@link ProviderAnswer}), or in any other internal
 * type, as {@code answer.<name>}: a new member of the answer's envelope is a real
 * undocumented value too, and an internal type has no name users know.</li>
 * </ul>
 */
final class UndocumentedFields extends DeserializationProblemHandler {

	static final String ANSWER = "answer";

	private final LoveandpayClientListener listener;

	UndocumentedFields(LoveandpayClientListener listener) {
		this.listener = listener;
	}

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
			ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
		Class<?> type = (beanOrClass instanceof Class<?> declared) ? declared : beanOrClass.getClass();
		this.listener.undocumentedValue(modelName(type) + "." + propertyName);
		return false;
	}

	static String modelName(Class<?> type) {
		ReportedAs reportedAs = type.getAnnotation(ReportedAs.class);
		if (reportedAs != null) {
			return reportedAs.value().getSimpleName();
		}
		if (!ProviderAnswer.class.isAssignableFrom(type) && isPublicModel(type)) {
			return type.getSimpleName();
		}
		return ANSWER;
	}

	private static boolean isPublicModel(Class<?> type) {
		for (Class<?> declared = type; declared != null; declared = declared.getEnclosingClass()) {
			if (!Modifier.isPublic(declared.getModifiers())) {
				return false;
			}
		}
		return !type.getPackageName().endsWith(".internal");
	}

}
