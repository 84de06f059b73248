package org.newswire.search.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.search.RunningSearchService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExportIT extends RunningSearchService {

	private static final int ARTICLES = 10_050;

	@Test
	void streamsEveryMatchBeyondTenThousandAsCsvAndJsonLines() {
		String word = uniqueWord();
		Instant published = Instant.parse("2026-11-25T00:00:00Z");
		List<EnrichedArticle> articles = new ArrayList<>(ARTICLES);
		for (int i = 0; i < ARTICLES; i++) {
			articles.add(article(word + "-" + i, 1, i == 0 ? "=HYPERLINK(\"x\"), with \"quotes\"" : "Article " + i,
					"Exported " + word, published.minusSeconds(i), word));
		}
		publishAll(articles);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> search("topic", word, "size", "1").total() == ARTICLES);

		Answer csv = get("/api/articles/export?format=csv&topic=" + word);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] rows = csv.body().split("\n");
		assertThat(rows).hasSize(ARTICLES + 1);
		assertThat(rows[0]).isEqualTo("id,publishedAt,source,language,title,url,topics,entities");
		assertThat(rows[1]).startsWith(word + "-0,2026-11-25T00:00:00Z,Example Wire,en,\"'=HYPERLINK(\"\"x\"\"), with \"\"quotes\"\"\"");
		Set<String> ids = new HashSet<>();
		for (int i = 1; i < rows.length; i++) {
			ids.add(rows[i].substring(0, rows[i].indexOf(',')));
		}
		assertThat(ids).hasSize(ARTICLES);

		Answer jsonl = get("/api/articles/export?format=jsonl&q=" + word);
		assertThat(jsonl.status()).isEqualTo(200);
		String[] lines = jsonl.body().split("\n");
		assertThat(lines).hasSize(ARTICLES);
		assertThat(lines[ARTICLES - 1]).contains("\"articleId\":\"" + word + "-" + (ARTICLES - 1) + "\"")
			.contains("\"text\":\"Exported " + word + "\"");

		assertThat(get("/api/articles/export?format=xml").status()).isEqualTo(400);
	}

}
