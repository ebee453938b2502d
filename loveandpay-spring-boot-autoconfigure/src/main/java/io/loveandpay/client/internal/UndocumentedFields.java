package io.loveandpay.client.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import io.loveandpay.client.LoveandpayClientListener;

/**
 * Tells the listener of every field the provider sends that the client does not know,
 * then lets Jackson skip it as usual.
 */
final class UndocumentedFields extends DeserializationProblemHandler {

	private final LoveandpayClientListener listener;

	UndocumentedFields(LoveandpayClientListener listener) {
		this.listener = listener;
	}

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
			ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
		Class<?> type = (beanOrClass instanceof Class<?> declared) ? declared : beanOrClass.getClass();
		this.listener.undocumentedValue(type.getSimpleName() + "." + propertyName);
		return false;
	}

}
