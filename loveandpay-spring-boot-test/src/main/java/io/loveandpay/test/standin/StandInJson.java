package io.loveandpay.test.standin;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The stand-in's JSON, on Jackson's streaming API: its answers and webhooks are maps
 * shaped by hand, and a create's body is a flat object, so data binding, which costs a
 * fresh JVM several times as long to load, has nothing to add.
 */
final class StandInJson {

	/**
	 * Stands for a nested object or array in what {@link #readObject(byte[])} returns.
	 */
	static final Object NESTED = new Object();

	private static final JsonFactory factory = new JsonFactory();

	private StandInJson() {
	}

	/**
	 * Write a map as a JSON object: nested maps, iterables, strings, numbers, booleans
	 * and {@code null} as themselves, anything else as its string.
	 * @param object the object
	 * @return its UTF-8 JSON
	 */
	static byte[] write(Map<String, ? extends @Nullable Object> object) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
			write(generator, object);
		}
		return out.toByteArray();
	}

	private static void write(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			map.forEach((name, item) -> {
				generator.writeName(String.valueOf(name));
				write(generator, item);
			});
			generator.writeEndObject();
		}
		else if (value instanceof Iterable<?> items) {
			generator.writeStartArray();
			items.forEach((item) -> write(generator, item));
			generator.writeEndArray();
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			generator.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof Number number) {
			generator.writeNumber(new BigDecimal(number.toString()));
		}
		else {
			generator.writeString(value.toString());
		}
	}

	/**
	 * Read a JSON object's properties: strings, numbers and booleans as themselves,
	 * {@code null} as {@code null}, and nested objects or arrays as {@link #NESTED}.
	 * @param json the JSON
	 * @return the properties, or {@code null} when the JSON is not one object
	 * @throws JacksonException when it is not JSON
	 */
	static @Nullable Map<String, @Nullable Object> readObject(byte[] json) {
		try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			Map<String, @Nullable Object> properties = new LinkedHashMap<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken token = parser.nextToken();
				properties.put(name, switch (token) {
					case VALUE_STRING -> parser.getString();
					case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
					case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
					case VALUE_NULL -> null;
					default -> {
						parser.skipChildren();
						yield NESTED;
					}
				});
			}
			return (parser.nextToken() == null) ? properties : null;
		}
	}

}
