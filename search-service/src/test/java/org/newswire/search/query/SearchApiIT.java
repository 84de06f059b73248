package org.newswire.search.query;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newswire.search.RunningSearchService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SearchApiIT extends RunningSearchService {

	private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

	@Test
	void findsArticlesByWordsInTitleSummaryOrText() {
		String word = uniqueWord();
		publish(article(word + "-title", 1, "Belt and Road " + word, "Ports and rail links", NOW, word),
				article(word + "-text", 1, "Rail links", "The Belt and Road " + word + " project", NOW, word),
				article(word + "-none", 1, "Belt and Road", "Nothing to see", NOW, word));
		awaitIndexed(word, 3);

		Answer answer = search("q", word);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.total()).isEqualTo(2);
		assertThat(answer.ids()).containsExactly(word + "-title", word + "-text");
	}

	@Test
	void requiresEveryWordAndMatchesQuotedPhrases() {
		String word = uniqueWord();
		publish(article(word + "-phrase", 1, "Talks", word + " peace talks resumed in Doha", NOW, word),
				article(word + "-apart", 1, "Talks", word + " talks about peace resumed", NOW, word));
		awaitIndexed(word, 2);

		assertThat(search("q", word + " \"peace talks\"").ids()).containsExactly(word + "-phrase");
		assertThat(search("q", word + " peace talks").ids()).containsExactlyInAnyOrder(word + "-phrase",
				word + "-apart");
		assertThat(search("q", word + " Doha").ids()).containsExactly(word + "-phrase");
	}

	@Test
	void filtersByEveryTopicGiven() {
		String word = uniqueWord();
		publish(article(word + "-both", 1, "Both", "Text", NOW, word, "sanctions"),
				article(word + "-one", 1, "One", "Text", NOW, word));
		awaitIndexed(word, 2);

		assertThat(search("topic", word, "topic", "sanctions").ids()).containsExactly(word + "-both");
	}

	@Test
	void listsNewestFirstWithoutQueryAndCountsBeyondSize() {
		String word = uniqueWord();
		publish(article(word + "-old", 1, "Old", "Text", NOW.minusSeconds(7200), word),
				article(word + "-new", 1, "New", "Text", NOW, word),
				article(word + "-mid", 1, "Mid", "Text", NOW.minusSeconds(3600), word));
		awaitIndexed(word, 3);

		Answer answer = search("topic", word, "size", "2");

		assertThat(answer.total()).isEqualTo(3);
		assertThat(answer.ids()).containsExactly(word + "-new", word + "-mid");
		JsonNode first = answer.json().get("hits").get(0);
		assertThat(first.get("title").asString()).isEqualTo("New");
		assertThat(first.get("url").asString()).isEqualTo("https://news.example/" + word + "-new");
		assertThat(first.get("source").asString()).isEqualTo("Example Wire");
		assertThat(first.get("publishedAt").asString()).isEqualTo("2026-11-20T12:00:00Z");
		assertThat(first.get("topics").valueStream().map(JsonNode::asString).toList()).containsExactly(word);
		assertThat(first.get("snippet").asString()).isNotBlank();
	}

	@Test
	void highlightsMatchesInASnippetThatEscapesTheArticleText() {
		String word = uniqueWord();
		publish(article(word, 1, "Untrusted", "Before <script>alert('x')</script> the " + word
				+ " sanctions <img src=x onerror=alert(1)> after", NOW, word));
		awaitIndexed(word, 1);

		Answer answer = search("q", word);

		String snippet = answer.json().get("hits").get(0).get("snippet").asString();
		assertThat(snippet).contains("<em>" + word + "</em>")
			.contains("&lt;script&gt;")
			.doesNotContain("<script")
			.doesNotContain("<img");
		assertThat(answer.json().get("htmlSafe").valueStream().map(JsonNode::asString).toList())
			.containsExactly("snippet");
	}

	@Test
	void refusesSizeAboveTheMaximumWith400() {
		Answer answer = search("q", "sanctions", "size", "1000");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString()).contains("size must be between 1 and 100");
	}

	@Test
	void reportsElasticsearchAndKafkaInHealth() {
		Answer answer = get("/actuator/health");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode components = answer.json().get("components");
		assertThat(components.get("elasticsearch").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		Answer answer = get("/actuator/prometheus");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("jvm_memory_used_bytes");
	}

	private void awaitIndexed(String topic, int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> search("topic", topic).total() == count);
	}

}
