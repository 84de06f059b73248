package org.newswire.enrich.topic;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topic taxonomy as an operator writes it in YAML (see {@code taxonomy/taxonomy.yml}). Each
 * topic has weighted terms (phrases, matched insensitive to case, accents, hyphenation and simple
 * inflection), case-sensitive acronyms that count only when one of the topic's context phrases is
 * also present, exclusion phrases whose words never count for the topic, and a threshold.
 */
public record Taxonomy(List<Topic> topics) {

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public Taxonomy {
		topics = topics == null ? List.of() : List.copyOf(topics);
	}

	public record Topic(String id, String label, String description, Double threshold, Map<String, Double> terms,
			Map<String, Double> acronyms, @JsonProperty("acronym-context") List<String> acronymContext,
			List<Combination> combinations, List<String> exclude) {

		public Topic {
			terms = terms == null ? Map.of() : new LinkedHashMap<>(terms);
			acronyms = acronyms == null ? Map.of() : new LinkedHashMap<>(acronyms);
			acronymContext = acronymContext == null ? List.of() : List.copyOf(acronymContext);
			combinations = combinations == null ? List.of() : List.copyOf(combinations);
			exclude = exclude == null ? List.of() : List.copyOf(exclude);
		}

	}

	/**
	 * Counts as one term of {@code weight} when the article has a phrase of every group ("a
	 * Chinese-financed ... railway"), at the prominence of the group found last.
	 */
	public record Combination(Double weight, List<List<String>> all) {

		public Combination {
			all = all == null ? List.of() : all.stream().map(List::copyOf).toList();
		}

	}

	/**
	 * Reads and checks a taxonomy.
	 * @throws InvalidTaxonomyException naming the problem (and, for YAML errors, the line)
	 */
	public static Taxonomy read(InputStream yaml, String sourceName) {
		String source;
		try {
			source = new String(yaml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidTaxonomyException("Cannot read taxonomy " + sourceName + ": " + ex.getMessage(), ex);
		}
		return read(source, sourceName);
	}

	/**
	 * Reads and checks a taxonomy from its text; problems found after parsing name the line of the
	 * topic (or term) they concern.
	 * @throws InvalidTaxonomyException naming the source, the line and the problem
	 */
	public static Taxonomy read(String source, String sourceName) {
		Taxonomy taxonomy;
		try {
			taxonomy = MAPPER.readValue(source, Taxonomy.class);
		}
		catch (JacksonException ex) {
			throw new InvalidTaxonomyException(sourceName + ": " + ex.getOriginalMessage()
					+ (ex.getLocation() != null ? " (line " + ex.getLocation().getLineNr() + ")" : ""), ex);
		}
		if (taxonomy == null) {
			throw new InvalidTaxonomyException(sourceName + " is empty", null);
		}
		taxonomy.check(sourceName, new Lines(source));
		return taxonomy;
	}

	public static Taxonomy read(org.springframework.core.io.Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return read(in, resource.getDescription());
		}
		catch (IOException ex) {
			throw new InvalidTaxonomyException("Cannot read taxonomy " + resource.getDescription() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private void check(String sourceName, Lines lines) {
		Set<String> ids = new HashSet<>();
		for (Topic topic : topics) {
			int topicLine = lines.find(0, "id:", topic.id());
			String where = sourceName + " line " + topicLine + ", topic " + topic.id();
			require(topic.id() != null && topic.id().matches("[a-z0-9]+(-[a-z0-9]+)*"),
					where + ": every topic needs an id in lower-case-with-hyphens, got " + topic.id());
			require(ids.add(topic.id()), sourceName + " line " + lines.find(topicLine, "id:", topic.id()) + ", topic "
					+ topic.id() + " is defined twice (first at line " + topicLine + ")");
			require(topic.label() != null && !topic.label().isBlank(), where + " has no label");
			require(topic.threshold() != null && topic.threshold() > 0, where + " needs a threshold > 0");
			require(!topic.terms().isEmpty() || !topic.acronyms().isEmpty(), where + " has no terms");
			topic.terms().forEach((term, weight) -> require(weight != null && weight > 0, sourceName + " line "
					+ lines.find(topicLine, term + ":", null) + ", topic " + topic.id() + ": term '" + term
					+ "' needs a weight > 0"));
			topic.acronyms().forEach((acronym, weight) -> require(weight != null && weight > 0, sourceName + " line "
					+ lines.find(topicLine, acronym + ":", null) + ", topic " + topic.id() + ": acronym '" + acronym
					+ "' needs a weight > 0"));
			require(topic.acronyms().isEmpty() || !topic.acronymContext().isEmpty(),
					where + " has acronyms but no acronym-context");
			for (Combination combination : topic.combinations()) {
				require(combination.weight() != null && combination.weight() > 0,
						where + ": every combination needs a weight > 0");
				require(combination.all().size() >= 2 && combination.all().stream().noneMatch(List::isEmpty),
						where + ": a combination needs at least two non-empty groups under 'all'");
			}
		}
	}

	/** The source's lines, to point an operator at the line a problem is on. */
	private record Lines(List<String> lines) {

		Lines(String source) {
			this(source.lines().toList());
		}

		/**
		 * The 1-based number of the first line from {@code fromLine} (1-based, 0 for the start) holding
		 * {@code key} (and {@code value} after it, when given); {@code fromLine} itself when none does.
		 */
		int find(int fromLine, String key, String value) {
			for (int i = Math.max(0, fromLine); i < lines.size(); i++) {
				String line = lines.get(i).replace("\"", "").replace("'", "");
				int at = line.indexOf(key);
				if (at >= 0 && (value == null || line.indexOf(value, at + key.length()) >= 0)) {
					return i + 1;
				}
			}
			return Math.max(fromLine, 1);
		}

	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidTaxonomyException(message, null);
		}
	}

}
