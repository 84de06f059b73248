package org.newswire.enrich.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.language.DetectedLanguage;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.events.EventSerde;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code newswire tag}: reads JSON lines {@code {"id","title","text"}} and prints
 * {@code {"id","language","topics","entities"}} per line, in order. A line that is not such an
 * object gets {@code {"line": n, "error": ...}} and the rest go on; blank lines are skipped.
 */
final class TagCommand {

	private final LanguageDetector languages;

	private final TopicTagger topics;

	private final EntityTagger entities;

	TagCommand(LanguageDetector languages, TopicTagger topics, EntityTagger entities) {
		this.languages = languages;
		this.topics = topics;
		this.entities = entities;
	}

	int run(BufferedReader in, PrintStream out) {
		int failures = 0;
		int number = 0;
		try {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				Map<String, Object> result;
				try {
					result = tag(line);
				}
				catch (JacksonException | IllegalArgumentException ex) {
					failures++;
					result = new LinkedHashMap<>();
					result.put("line", number);
					result.put("error", ex instanceof JacksonException json ? "not JSON: " + json.getOriginalMessage()
							: ex.getMessage());
				}
				out.println(EventSerde.mapper().writeValueAsString(result));
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return failures == 0 ? 0 : 1;
	}

	private Map<String, Object> tag(String line) {
		JsonNode node = EventSerde.mapper().readTree(line);
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("expected a JSON object {\"id\",\"title\",\"text\"}");
		}
		String title = node.path("title").asString("");
		String text = node.path("text").asString("");
		if (title.isBlank() && text.isBlank()) {
			throw new IllegalArgumentException("no title and no text");
		}
		String sample = text.length() >= 100 ? text : (title + "\n\n" + text).strip();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", node.path("id").isNull() || node.path("id").isMissingNode() ? null : node.path("id").asString());
		result.put("language", languages.detect(sample).map(DetectedLanguage::code).orElse(null));
		result.put("topics", topics.tag(title, text));
		result.put("entities", entities.tag(title, text));
		return result;
	}

}
