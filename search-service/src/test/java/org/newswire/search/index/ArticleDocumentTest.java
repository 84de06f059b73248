package org.newswire.search.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EntityMention;
import org.newswire.events.Extraction;
import org.newswire.events.TopicMatch;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDocumentTest {

	@Test
	void keepsTextThatFitsUnchanged() {
		assertThat(ArticleDocument.truncate("short text", 100)).isEqualTo("short text");
		assertThat(ArticleDocument.truncate(null, 100)).isNull();
	}

	@Test
	void cutsLongTextToTheByteLimitAtAWordBoundary() {
		String text = "word ".repeat(100);

		String cut = ArticleDocument.truncate(text, 52);

		assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(52);
		assertThat(cut).isEqualTo("word ".repeat(9) + "word");
	}

	@Test
	void neverSplitsAMultiByteCharacter() {
		String text = "€".repeat(40) + "😀".repeat(40);

		String cut = ArticleDocument.truncate(text, 125);

		byte[] bytes = cut.getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).isLessThanOrEqualTo(125);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(cut);
		assertThat(cut).isEqualTo("€".repeat(40) + "😀".repeat(1));
	}

	@Test
	void keepsTopicIdsForFilteringAndTheFullMatchesForDisplay() {
		TopicMatch topic = new TopicMatch("sanctions", "Sanctions", 0.8,
				List.of(new TopicMatch.Evidence("sanctions", 3, TopicMatch.Evidence.TITLE)));
		EnrichedArticle article = new EnrichedArticle(EnrichedArticle.SCHEMA, "id-1", "https://x.example/a",
				"https://x.example/a", "feed-1", "https://x.example/feed", "X Wire", "guid", "Title", "Summary",
				Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T08:01:00Z"), List.of("A"),
				List.of("World"), "en", 2, "Body", Extraction.ok("density"), List.of(topic),
				List.of(new EntityMention("q1", "Beijing", EntityMention.PLACE, 2)), 1, "fp",
				Instant.parse("2026-11-20T08:02:00Z"), "X Wire Online", "https://x.example/lead.jpg", 0.9);
		Instant now = Instant.parse("2026-11-20T08:03:00.123456789Z");

		ArticleDocument doc = ArticleDocument.of(article, 1000, now);

		assertThat(doc.topics()).containsExactly("sanctions");
		assertThat(doc.topicMatches()).containsExactly(topic);
		assertThat(doc.source()).isEqualTo("X Wire");
		assertThat(doc.indexedAt()).isEqualTo(now);
		assertThat(doc.revision()).isEqualTo(2);
		assertThat(doc.siteName()).isEqualTo("X Wire Online");
		assertThat(doc.leadImage()).isEqualTo("https://x.example/lead.jpg");
		assertThat(doc.languageConfidence()).isEqualTo(0.9);
	}

}
