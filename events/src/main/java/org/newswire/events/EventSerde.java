package org.newswire.events;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of every event. Writing is plain Jackson; reading first checks the
 * {@code schema} field against the version this code knows and refuses anything else, so a record
 * from a newer or broken producer goes to the dead-letter topic instead of being half-understood.
 * Unknown fields are ignored, so adding a field does not need a new schema version.
 */
public final class EventSerde {

	private static final Map<Class<? extends Event>, Integer> KNOWN_SCHEMAS = Map.of(RawArticle.class,
			RawArticle.SCHEMA, EnrichedArticle.class, EnrichedArticle.SCHEMA, Alert.class, Alert.SCHEMA, Feed.class,
			Feed.SCHEMA);

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.build();

	private EventSerde() {
	}

	/** The mapper used for events, for code that embeds events in other JSON (HTTP answers, CLI). */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] toJson(Event event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/**
	 * Reads an event of the given type.
	 * @throws MalformedEventException if the bytes are not a JSON object of that type
	 * @throws UnknownSchemaException if the {@code schema} field is missing or not the known version
	 */
	public static <T extends Event> T fromJson(byte[] json, Class<T> type) {
		JsonNode tree;
		try {
			tree = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException(type.getSimpleName() + " is not valid JSON: " + ex.getOriginalMessage(),
					ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new MalformedEventException(type.getSimpleName() + " must be a JSON object", null);
		}
		int expected = KNOWN_SCHEMAS.get(type);
		JsonNode schema = tree.get("schema");
		if (schema == null || !schema.isIntegralNumber() || schema.asInt() != expected) {
			throw new UnknownSchemaException(type.getSimpleName() + " has schema " + schema + ", this reader knows "
					+ expected);
		}
		try {
			return MAPPER.treeToValue(tree, type);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException(
					type.getSimpleName() + " does not match its schema: " + ex.getOriginalMessage(), ex);
		}
	}

}
