package org.newswire.search.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.newswire.events.EventSerde;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the next page starts: the sort values of the last hit ({@code search_after}) and the time of
 * the first page ({@code asOf}). Every page only sees articles indexed up to {@code asOf}, so articles
 * arriving while someone pages neither shift nor repeat hits. Opaque to clients: URL-safe Base64 of
 * a small JSON object.
 */
record Cursor(Instant asOf, List<FieldValue> after) {

	String encode() {
		ObjectNode json = EventSerde.mapper().createObjectNode();
		json.put("asOf", this.asOf.toString());
		ArrayNode values = json.putArray("after");
		for (FieldValue value : this.after) {
			switch (value._kind()) {
				case Long -> values.add(value.longValue());
				case Double -> values.add(value.doubleValue());
				case Boolean -> values.add(value.booleanValue());
				case Null -> values.addNull();
				default -> values.add(value._toJsonString());
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(EventSerde.mapper().writeValueAsBytes(json));
	}

	static Cursor decode(String cursor) {
		try {
			JsonNode json = EventSerde.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
			List<FieldValue> after = new ArrayList<>();
			for (JsonNode value : json.get("after")) {
				if (value.isIntegralNumber()) {
					after.add(FieldValue.of(value.asLong()));
				}
				else if (value.isNumber()) {
					after.add(FieldValue.of(value.asDouble()));
				}
				else if (value.isBoolean()) {
					after.add(FieldValue.of(value.asBoolean()));
				}
				else if (value.isNull()) {
					after.add(FieldValue.NULL);
				}
				else {
					after.add(FieldValue.of(value.asString()));
				}
			}
			return new Cursor(Instant.parse(json.get("asOf").asString()), after);
		}
		catch (RuntimeException ex) {
			throw new InvalidSearchException("cursor is not one this API handed out; start again without it");
		}
	}

}
