package io.loveandpay.client.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * Renders request and response bodies for DEBUG logs showing only what is known to be
 * harmless: the envelope ({@code success}, {@code error}, {@code code},
 * {@code pagination}...), ids, statuses, timestamps, document type and country, scores.
 * Every other value is masked, the fields of the provider's model that hold personal data
 * and any field the provider may add alike; the provider's free text is shown with what
 * could be personal data masked. Bodies are never logged at INFO or above.
 */
final class DebugBodies {

	private static final int MAX_LENGTH = 2000;

	private static final String MASK = "***";

	private static final Set<String> HARMLESS = Set.of("success", "code", "requestid", "pagination", "total", "limit",
			"offset", "pages", "data", "session", "sessions", "verification", "id", "sessionid", "invoiceid", "status",
			"kycstatus", "language", "documenttype", "documentcountry", "facematchscore", "livenessscore", "createdat",
			"updatedat", "expiresat", "verifiedat", "completedat", "failedat", "type", "event", "timestamp",
			"retrycount", "level");

	private static final Set<String> FREE_TEXT = Set.of("message", "hint", "error", "failurereason");

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
			String text = (tree != null && tree.isContainer()) ? json.writeValueAsString(mask(tree))
					: "\"" + MASK + "\"";
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
				String key = property.getKey().toLowerCase(Locale.ROOT).replace("_", "");
				JsonNode value = property.getValue();
				if (value.isNull()) {
					continue;
				}
				if (FREE_TEXT.contains(key) && value.isString()) {
					property.setValue(object.stringNode(Redaction.scrub(value.stringValue())));
				}
				else if (HARMLESS.contains(key) || FREE_TEXT.contains(key)) {
					mask(value);
				}
				else {
					property.setValue(object.stringNode(MASK));
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode item = array.get(i);
				if (item.isContainer()) {
					mask(item);
				}
				else if (!item.isNull()) {
					array.set(i, array.stringNode(MASK));
				}
			}
		}
		return node;
	}

}
