package io.loveandpay.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that both annotation processors ran: IDE help for every property, and the
 * auto-configuration's conditions precomputed.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("spring-configuration-metadata.json").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			names.add(property.get("name").asString());
			assertThat(property.get("description")).as(property.get("name").asString()).isNotNull();
			assertThat(property.get("description").asString()).isNotBlank().doesNotStartWith("The ");
		}
		assertThat(names).contains("loveandpay.api-key", "loveandpay.secret-key", "loveandpay.base-url",
				"loveandpay.connect-timeout", "loveandpay.response-timeout", "loveandpay.allow-plain-http",
				"loveandpay.ssl.bundle");
	}

	@Test
	void autoConfigurationMetadataIsGenerated() throws Exception {
		Properties properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
			assertThat(in).as("spring-autoconfigure-metadata.properties").isNotNull();
			properties.load(in);
		}
		assertThat(properties).containsKey(LoveandpayAutoConfiguration.class.getName() + ".ConditionalOnClass");
	}

}
