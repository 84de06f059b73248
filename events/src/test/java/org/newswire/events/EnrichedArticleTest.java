package org.newswire.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichedArticleTest {

	private static final Instant NOW = Instant.parse("2025-08-20T10:06:00Z");

	@Test
	void keepsTheFeedTitleOverThePageHeadline() {
		assertThat(enrich("Ceasefire talks resume in Doha", "Ceasefire talks resume in Doha as envoys arrive").title())
			.isEqualTo("Ceasefire talks resume in Doha");
	}

	@Test
	void takesThePageHeadlineWhenTheFeedHasNoTitle() {
		assertThat(enrich(" ", "Ceasefire talks resume in Doha").title()).isEqualTo("Ceasefire talks resume in Doha");
		assertThat(enrich(null, "Ceasefire talks resume in Doha").title()).isEqualTo("Ceasefire talks resume in Doha");
	}

	@Test
	void takesTheFullPageHeadlineWhenTheFeedCutItShort() {
		assertThat(enrich("Ceasefire talks resume in Doha as…", "Ceasefire talks resume in Doha as envoys arrive").title())
			.isEqualTo("Ceasefire talks resume in Doha as envoys arrive");
		assertThat(enrich("Ceasefire talks resume...", "Ceasefire talks resume in Doha").title())
			.isEqualTo("Ceasefire talks resume in Doha");
	}

	@Test
	void keepsATruncatedFeedTitleWhenThePageHeadlineIsAnotherStory() {
		assertThat(enrich("Ceasefire talks resume…", "Subscribe to read").title()).isEqualTo("Ceasefire talks resume…");
	}

	private static EnrichedArticle enrich(String feedTitle, String pageTitle) {
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, "a1", "https://example.org/a", "https://example.org/a", "f1",
				"https://example.org/feed", "Example", "g1", feedTitle, "Summary", NOW, NOW, List.of(), List.of(), null,
				1);
		return EnrichedArticle.of(raw, new EnrichedArticle.Enrichment(pageTitle, "Body", Extraction.ok("density"), "en",
				0.9, List.of(), List.of(), 1, "00ff00ff00ff00ff", null, null), NOW);
	}

}
