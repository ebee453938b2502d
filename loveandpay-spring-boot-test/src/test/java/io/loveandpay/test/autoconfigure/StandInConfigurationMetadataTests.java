package io.loveandpay.test.autoconfigure;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the stand-in's configuration metadata, which IDEs and the starter's "did you
 * mean" report read.
 */
class StandInConfigurationMetadataTests {

	@Test
	void inAppPropertyIsDescribed() throws IOException {
		try (InputStream metadata = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			JsonNode properties = JsonMapper.builder().build().readTree(metadata).get("properties");
			assertThat(properties).anySatisfy((property) -> {
				assertThat(property.get("name").asString()).isEqualTo(OnStandInDemoCondition.ENABLED);
				assertThat(property.get("type").asString()).isEqualTo("java.lang.Boolean");
				assertThat(property.get("description").asString()).isNotBlank();
			});
		}
	}

}
