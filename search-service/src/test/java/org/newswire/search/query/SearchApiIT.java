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
	void refusesAMalformedQueryWith400SayingWhatIsWrong() {
		Answer answer = search("q", "\"peace talks");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString()).contains("quote opened here is never closed");
		assertThat(search("q", "sanctions AND").status()).isEqualTo(400);
		assertThat(search("from", "yesterday").status()).isEqualTo(400);
	}

	@Test
	void combinesOrNotPrefixAndEntityNames() {
		String word = uniqueWord();
		publish(article(word + "-port", 1, "Port opens", word + " harbour at Gwadar", NOW, word),
				article(word + "-rail", 1, "Railway", word + " railway to Mombasa", NOW, word),
				article(word + "-road", 1, "Road", word + " road in Laos", NOW, word));
		awaitIndexed(word, 3);

		assertThat(search("q", word + " (Gwadar OR Mombasa)").ids()).containsExactlyInAnyOrder(word + "-port",
				word + "-rail");
		assertThat(search("q", word + " NOT Laos NOT Gwadar").ids()).containsExactly(word + "-rail");
		assertThat(search("q", word + " -Laos").ids()).containsExactlyInAnyOrder(word + "-port", word + "-rail");
		assertThat(search("q", word + " harb*").ids()).containsExactly(word + "-port");
		// every test article names the entity Beijing; entity names are searched like text
		assertThat(search("q", word + " Beijing").total()).isEqualTo(3);
	}

	@Test
	void filtersBySourceLanguageEntityAndPublicationWindow() {
		String word = uniqueWord();
		publish(article(word + "-new", 1, "New", "Text", NOW, word),
				article(word + "-old", 1, "Old", "Text", NOW.minus(Duration.ofDays(3)), word));
		awaitIndexed(word, 2);

		assertThat(search("topic", word, "from", "2026-11-19T00:00:00Z").ids()).containsExactly(word + "-new");
		assertThat(search("topic", word, "to", "2026-11-18").ids()).containsExactly(word + "-old");
		assertThat(search("topic", word, "source", "Example Wire", "language", "en").total()).isEqualTo(2);
		assertThat(search("topic", word, "language", "fr").total()).isZero();
		assertThat(search("topic", word, "entity", "beijing").total()).isEqualTo(2);
		assertThat(search("topic", word, "entity", "Beijing").total()).isEqualTo(2);
		assertThat(search("topic", word, "from", "1h").total()).isZero();
	}

	@Test
	void pagesWithACursorThatIsStableWhileArticlesArrive() {
		String word = uniqueWord();
		for (int i = 0; i < 5; i++) {
			publish(article(word + "-" + i, 1, "Article " + i, "Text " + word, NOW.minusSeconds(i * 60L), word));
		}
		awaitIndexed(word, 5);

		Answer first = search("topic", word, "size", "2", "sort", "newest");
		publish(article(word + "-newer", 1, "Newer", "Text " + word, NOW.plusSeconds(60), word));
		awaitIndexed(word, 6);
		String cursor = first.json().get("nextCursor").asString();
		Answer second = search("topic", word, "size", "2", "sort", "newest", "cursor", cursor);
		Answer third = search("topic", word, "size", "2", "sort", "newest", "cursor",
				second.json().get("nextCursor").asString());

		assertThat(first.ids()).containsExactly(word + "-0", word + "-1");
		assertThat(second.ids()).containsExactly(word + "-2", word + "-3");
		assertThat(third.ids()).containsExactly(word + "-4");
		assertThat(third.json().has("nextCursor")).isFalse();
		assertThat(search("q", word, "size", "1", "cursor", cursor + "x").status()).isEqualTo(400);
	}

	@Test
	void countsFacetsAndArticlesPerDayOnRequest() {
		String word = uniqueWord();
		publish(article(word + "-a", 1, "A", "Text", NOW, word, "sanctions"),
				article(word + "-b", 1, "B", "Text", NOW.minus(Duration.ofDays(1)), word));
		awaitIndexed(word, 2);

		JsonNode answer = search("topic", word, "facets", "true", "histogram", "day").json();

		assertThat(answer.get("facets").get("topics").toString()).contains("{\"key\":\"" + word + "\",\"count\":2}")
			.contains("{\"key\":\"sanctions\",\"count\":1}");
		assertThat(answer.get("facets").get("source").toString()).contains("\"count\":2");
		assertThat(answer.get("facets").get("entities").toString()).contains("Beijing");
		assertThat(answer.get("interval").asString()).isEqualTo("day");
		assertThat(answer.get("histogram").toString()).contains("{\"key\":\"2026-11-19T00:00:00Z\",\"count\":1}")
			.contains("{\"key\":\"2026-11-20T00:00:00Z\",\"count\":1}");
		assertThat(search("topic", word).json().has("facets")).isFalse();
	}

	@Test
	void servesTheWholeArticleWithEvidenceAndItsRelatedCoverage() {
		String word = uniqueWord();
		publish(article(word + "-a", 1, "Gwadar port expansion", word + " Gwadar port expansion financed by loans",
				NOW, word),
				article(word + "-b", 1, "Gwadar port loans", word + " loans finance the Gwadar port expansion", NOW,
						word),
				article(word + "-c", 1, "Cricket", "Cricket season opens " + word, NOW, word));
		awaitIndexed(word, 3);

		Answer article = get("/api/articles/" + word + "-a");
		assertThat(article.status()).isEqualTo(200);
		JsonNode json = article.json();
		assertThat(json.get("text").asString()).contains("financed by loans");
		assertThat(json.get("topicMatches").get(0).get("matched").get(0).get("term").asString()).isEqualTo(word);
		assertThat(json.get("entities").get(0).get("name").asString()).isEqualTo("Beijing");
		assertThat(get("/api/articles/" + word + "-missing").status()).isEqualTo(404);

		Answer related = get("/api/articles/" + word + "-a/related");
		assertThat(related.status()).isEqualTo(200);
		assertThat(related.ids()).contains(word + "-b").doesNotContain(word + "-a");
	}

	@Test
	void describesTheApiInOpenApi() {
		Answer answer = get("/v3/api-docs");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("/api/articles").contains("/api/articles/export").contains("/api/rules")
			.contains("/api/rules/preview");
	}

	@Test
	void servesTheUiWithAStrictContentSecurityPolicy() {
		Answer answer = get("/");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("<script src=\"app.js\"");
		assertThat(answer.header("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
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
