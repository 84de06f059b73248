package org.newswire.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;

/**
 * The bundled list of people, organisations and places (see {@code gazetteer/gazetteer.yml}). An
 * entity's id is {@code <type>:<slug>} with type {@code person}, {@code organization} or
 * {@code place}; {@code aliases} match insensitive to case and accents, {@code exact} aliases only
 * as written (for short or ambiguous forms such as "US" or "Xi").
 */
public record Gazetteer(List<Entry> entities) {

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Set<String> TYPES = Set.of("person", "organization", "place");

	public Gazetteer {
		entities = entities == null ? List.of() : List.copyOf(entities);
	}

	public record Entry(String id, String name, List<String> aliases, List<String> exact) {

		public Entry {
			aliases = aliases == null ? List.of() : List.copyOf(aliases);
			exact = exact == null ? List.of() : List.copyOf(exact);
		}

		public String type() {
			return id.substring(0, id.indexOf(':'));
		}

	}

	public static Gazetteer read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return read(in, resource.getDescription());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read gazetteer " + resource.getDescription() + ": "
					+ ex.getMessage(), ex);
		}
	}

	public static Gazetteer read(InputStream yaml, String sourceName) {
		Gazetteer gazetteer;
		try {
			gazetteer = MAPPER.readValue(yaml, Gazetteer.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(sourceName + ": " + ex.getOriginalMessage()
					+ (ex.getLocation() != null ? " (line " + ex.getLocation().getLineNr() + ")" : ""), ex);
		}
		if (gazetteer == null) {
			throw new IllegalStateException(sourceName + " is empty");
		}
		Set<String> ids = new HashSet<>();
		for (Entry entry : gazetteer.entities()) {
			String id = entry.id();
			if (id == null || !id.matches("[a-z]+:[a-z0-9]+(-[a-z0-9]+)*") || !TYPES.contains(entry.type())) {
				throw new IllegalStateException(sourceName + ": entity id must be person:, organization: or place:"
						+ " followed by a lower-case slug, got " + id);
			}
			if (!ids.add(id)) {
				throw new IllegalStateException(sourceName + ": entity " + id + " is defined twice");
			}
			if (entry.name() == null || entry.name().isBlank()) {
				throw new IllegalStateException(sourceName + ": entity " + id + " has no name");
			}
		}
		return gazetteer;
	}

}
