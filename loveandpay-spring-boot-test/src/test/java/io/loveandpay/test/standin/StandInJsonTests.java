package io.loveandpay.test.standin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StandInJson}, checked against Jackson's data binding.
 */
class StandInJsonTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void writesNestedMapsListsAndScalarsAsDataBindingReadsThem() {
		Map<String, @Nullable Object> inner = new LinkedHashMap<>();
		inner.put("score", 0.97);
		inner.put("count", 3);
		inner.put("none", null);
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		object.put("success", true);
		object.put("name", "Петров \"Иван\"\n\u0001");
		object.put("items", List.of(inner, "x"));
		object.put("big", 12_345_678_901L);
		byte[] json = StandInJson.write(object);
		assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"success\":true,\"name\":");
		Map<?, ?> read = this.mapper.readValue(json, Map.class);
		assertThat(read.get("name")).isEqualTo("Петров \"Иван\"\n\u0001");
		assertThat(read.get("big")).isEqualTo(12_345_678_901L);
		List<?> items = (List<?>) read.get("items");
		assertThat(items).hasSize(2).element(1).isEqualTo("x");
		Map<?, ?> first = (Map<?, ?>) items.get(0);
		assertThat(first.get("score")).isEqualTo(0.97);
		assertThat(first.get("count")).isEqualTo(3);
		assertThat(first.containsKey("none")).isTrue();
		assertThat(first.get("none")).isNull();
	}

	@Test
	void readsAFlatObjectWithNestedValuesMarked() {
		Map<String, @Nullable Object> read = StandInJson.readObject(bytes(
				"{\"customerId\":\"c-1\",\"n\":5,\"f\":1.5,\"b\":false,\"z\":null,\"o\":{\"a\":[1]},\"l\":[{}]}"));
		assertThat(read).containsEntry("customerId", "c-1")
			.containsEntry("b", false)
			.containsEntry("z", null)
			.containsEntry("o", StandInJson.NESTED)
			.containsEntry("l", StandInJson.NESTED);
		assertThat(((Number) read.get("n")).intValue()).isEqualTo(5);
		assertThat(((Number) read.get("f")).doubleValue()).isEqualTo(1.5);
	}

	@Test
	void anythingButOneObjectIsNotAnObject() {
		assertThat(StandInJson.readObject(bytes("[]"))).isNull();
		assertThat(StandInJson.readObject(bytes("null"))).isNull();
		assertThat(StandInJson.readObject(bytes("\"x\""))).isNull();
		assertThat(StandInJson.readObject(bytes("{} {}"))).isNull();
	}

	@Test
	void brokenJsonThrows() {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> StandInJson.readObject(bytes("{\"a\":")));
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> StandInJson.readObject(bytes("{a:1}")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
