package io.loveandpay.client.internal;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * Renders request and response bodies for DEBUG logs with every personal field masked.
 * Bodies are never logged at INFO or above.
 */
final class DebugBodies {

	private static final int MAX_LENGTH = 2000;

	private static final Set<String> PERSONAL = Set.of("firstname", "lastname", "middlename", "fullname", "name",
			"dateofbirth", "birthdate", "documentnumber", "documentissuedat", "documentexpiresat", "customeremail",
			"email", "customerphone", "phone", "customerid", "userid", "nationality", "address", "verifieddata",
			"metadata", "callbackurl");

	private static final Set<String> FREE_TEXT = Set.of("message", "hint", "error", "failurereason", "failuredetails");

	private DebugBodies() {
	}

	static String render(JsonMapper json, byte[] body, @Nullable MediaType contentType) {
		if (body.length == 0) {
			return "(no body)";
		}
		if (!ApiErrors.isJson(contentType)) {
			return "(" + body.length + " bytes of " + contentType + ", not shown)";
		}
		try {
			JsonNode tree = json.readTree(body);
			String text = json.writeValueAsString(mask(tree));
			return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text;
		}
		catch (JacksonException ex) {
			return "(" + body.length + " bytes that are not valid JSON, not shown)";
		}
	}

	static String render(JsonMapper json, Object body) {
		return render(json, json.writeValueAsBytes(body), MediaType.APPLICATION_JSON);
	}

	private static JsonNode mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				String key = property.getKey().toLowerCase().replace("_", "");
				if (PERSONAL.contains(key) && !property.getValue().isNull()) {
					property.setValue(object.stringNode("***"));
				}
				else if (FREE_TEXT.contains(key) && property.getValue().isString()) {
					property.setValue(object.stringNode(Redaction.scrub(property.getValue().stringValue())));
				}
				else {
					mask(property.getValue());
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(DebugBodies::mask);
		}
		return node;
	}

}
