package org.newswire.enrich.devset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newswire.enrich.topic.Taxonomy;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.events.EventSerde;
import org.newswire.events.TopicMatch;
import org.newswire.testsupport.DevSets;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags the shared topics development set with the default taxonomy, prints precision and recall
 * per topic (the set's "fair" rule: a topic listed only as a passing mention is left out of that
 * topic's count) and writes {@code target/devset/topics-predictions.jsonl} for
 * {@code shared/tools/score-topics}. Skipped when the set is not beside the repository.
 */
class TopicsDevSetTest {

	private static final List<String> TOPICS = List.of("belt-and-road", "sanctions", "peace-talks");

	@Test
	void scoresTheTopicsDevelopmentSet() throws IOException {
		Path dir = DevSets.find("topics-dev").orElse(null);
		Assumptions.assumeTrue(dir != null, "../shared/topics-dev not found: dev-set scoring skipped");
		TopicTagger tagger = new TopicTagger(Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml")));

		Map<String, JsonNode> labels = new HashMap<>();
		for (String line : Files.readAllLines(dir.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
			JsonNode label = EventSerde.mapper().readTree(line);
			labels.put(label.get("id").asString(), label);
		}
		Map<String, int[]> counts = new HashMap<>();
		Path predictions = DevSets.output("topics-predictions.jsonl");
		try (BufferedWriter out = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
			for (String line : Files.readAllLines(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
				JsonNode article = EventSerde.mapper().readTree(line);
				String id = article.get("id").asString();
				List<TopicMatch> found = tagger.tag(article.get("title").asString(), article.get("text").asString());
				out.write(EventSerde.mapper().writeValueAsString(Map.of("id", id, "topics", found)));
				out.newLine();
				Set<String> predicted = found.stream().map(TopicMatch::id).collect(Collectors.toSet());
				JsonNode label = labels.get(id);
				for (String topic : TOPICS) {
					boolean gold = contains(label.get("topics"), topic);
					if (!gold && contains(label.get("mention_only"), topic)) {
						continue;
					}
					int[] c = counts.computeIfAbsent(topic, t -> new int[3]);
					boolean hit = predicted.contains(topic);
					c[0] += gold && hit ? 1 : 0;
					c[1] += !gold && hit ? 1 : 0;
					c[2] += gold && !hit ? 1 : 0;
				}
			}
		}
		System.out.println("Topics dev set (fair rule), predictions in " + predictions);
		for (String topic : TOPICS) {
			int[] c = counts.get(topic);
			double precision = c[0] / (double) Math.max(1, c[0] + c[1]);
			double recall = c[0] / (double) Math.max(1, c[0] + c[2]);
			System.out.printf("  %-14s P %.3f  R %.3f  (TP %d, FP %d, FN %d)%n", topic, precision, recall, c[0], c[1],
					c[2]);
			// floors well above the naive keyword baseline's, so a regression fails the build
			assertThat(precision).as("%s precision", topic).isGreaterThanOrEqualTo(0.92);
			assertThat(recall).as("%s recall", topic).isGreaterThanOrEqualTo(0.92);
		}
	}

	private static boolean contains(JsonNode array, String topic) {
		if (array == null) {
			return false;
		}
		for (JsonNode node : array) {
			if (node.asString().equals(topic)) {
				return true;
			}
		}
		return false;
	}

}
