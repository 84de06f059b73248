package org.newswire.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSerdeTest {

	private static final RawArticle RAW = new RawArticle(RawArticle.SCHEMA, "a1", "https://example.org/a?utm_source=x",
			"https://example.org/a", "f1", "https://example.org/feed", "Example", "g1", "Title", "Summary",
			Instant.parse("2025-08-20T10:00:00Z"), Instant.parse("2025-08-20T10:05:00Z"), List.of("Jane Doe"),
			List.of("World"), null, 1);

	@Test
	void roundTripsRawArticleWithIsoDates() {
		byte[] json = EventSerde.toJson(RAW);

		assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"schema\":1")
			.contains("\"publishedAt\":\"2025-08-20T10:00:00Z\"");
		assertThat(EventSerde.fromJson(json, RawArticle.class)).isEqualTo(RAW);
	}

	@Test
	void roundTripsEnrichedArticleWithTopicsAndEntities() {
		EnrichedArticle enriched = EnrichedArticle.of(RAW,
				new EnrichedArticle.Enrichment("Page title", "Body text", Extraction.ok("density"), "en", 0.92,
						List.of(new TopicMatch("sanctions", "Sanctions", 3.5,
								List.of(new TopicMatch.Evidence("sanctions", 2, TopicMatch.Evidence.BODY)))),
						List.of(new EntityMention("place:russia", "Russia", EntityMention.PLACE, 4)), 2,
						"00ff00ff00ff00ff", "Example News", "https://example.org/img/lead.jpg"),
				Instant.parse("2025-08-20T10:06:00Z"));

		EnrichedArticle read = EventSerde.fromJson(EventSerde.toJson(enriched), EnrichedArticle.class);

		assertThat(read).isEqualTo(enriched);
		assertThat(read.title()).isEqualTo("Title");
		assertThat(read.siteName()).isEqualTo("Example News");
		assertThat(read.leadImage()).isEqualTo("https://example.org/img/lead.jpg");
		assertThat(read.languageConfidence()).isEqualTo(0.92);
	}

	@Test
	void roundTripsEnrichedArticleWithoutSiteNameLeadImageOrConfidence() {
		EnrichedArticle enriched = EnrichedArticle.of(RAW, new EnrichedArticle.Enrichment(null, "Summary",
				Extraction.fallback(Extraction.FETCH_FAILED, "HTTP 404"), "en", null, List.of(), List.of(), 1,
				"0000000000000000", null, null), Instant.parse("2025-08-20T10:06:00Z"));

		String json = new String(EventSerde.toJson(enriched), StandardCharsets.UTF_8);
		EnrichedArticle read = EventSerde.fromJson(json.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class);

		assertThat(read).isEqualTo(enriched);
		assertThat(read.siteName()).isNull();
		assertThat(read.leadImage()).isNull();
		assertThat(read.languageConfidence()).isNull();
	}

	@Test
	void readsEnrichedArticleWrittenBeforeSiteNameLeadImageAndConfidenceExisted() {
		String json = """
				{"schema":1,"articleId":"a1","url":"https://example.org/a","title":"Title","language":"en",
				"revision":1,"text":"Body","extraction":{"status":"ok","method":"density","detail":null},
				"topics":[],"entities":[],"wordCount":1,"fingerprint":"00ff00ff00ff00ff",
				"enrichedAt":"2025-08-20T10:06:00Z"}""";

		EnrichedArticle read = EventSerde.fromJson(json.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class);

		assertThat(read.articleId()).isEqualTo("a1");
		assertThat(read.extraction()).isEqualTo(Extraction.ok("density"));
		assertThat(read.siteName()).isNull();
		assertThat(read.leadImage()).isNull();
		assertThat(read.languageConfidence()).isNull();
	}

	@Test
	void keepsOnlyAbsoluteHttpLeadImagesAndConfidencesFromZeroToOne() {
		String json = """
				{"schema":1,"articleId":"a1","leadImage":"javascript:alert(1)","languageConfidence":1.7}""";

		EnrichedArticle read = EventSerde.fromJson(json.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class);

		assertThat(read.leadImage()).isNull();
		assertThat(read.languageConfidence()).isEqualTo(1.0);
		for (String image : new String[] { "data:image/png;base64,AAAA", "/img/lead.jpg", "ftp://example.org/a.jpg",
				"https:///no-host.jpg", " " }) {
			assertThat(withLeadImage(image).leadImage()).as(image).isNull();
		}
		assertThat(withLeadImage(" https://cdn.example.org/a.jpg ").leadImage())
			.isEqualTo("https://cdn.example.org/a.jpg");
	}

	private static EnrichedArticle withLeadImage(String image) {
		return EnrichedArticle.of(RAW, new EnrichedArticle.Enrichment(null, "", Extraction.ok("density"), "en", null,
				List.of(), List.of(), 0, null, null, image), Instant.parse("2025-08-20T10:06:00Z"));
	}

	@Test
	void ignoresFieldsAddedByNewerWritersOfTheSameSchema() {
		String json = "{\"schema\":1,\"articleId\":\"a1\",\"url\":\"https://e.org/\",\"futureField\":true}";

		RawArticle read = EventSerde.fromJson(json.getBytes(StandardCharsets.UTF_8), RawArticle.class);

		assertThat(read.articleId()).isEqualTo("a1");
		assertThat(read.authors()).isEmpty();
	}

	@Test
	void rejectsUnknownSchemaVersion() {
		String json = "{\"schema\":2,\"articleId\":\"a1\"}";

		assertThatThrownBy(() -> EventSerde.fromJson(json.getBytes(StandardCharsets.UTF_8), RawArticle.class))
			.isInstanceOf(UnknownSchemaException.class)
			.hasMessageContaining("schema 2");
	}

	@Test
	void rejectsEventWithoutSchema() {
		assertThatThrownBy(() -> EventSerde.fromJson("{\"articleId\":\"a1\"}".getBytes(StandardCharsets.UTF_8),
				RawArticle.class))
			.isInstanceOf(UnknownSchemaException.class);
	}

	@Test
	void rejectsBytesThatAreNotJson() {
		assertThatThrownBy(() -> EventSerde.fromJson("not json".getBytes(StandardCharsets.UTF_8), RawArticle.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("not valid JSON");
	}

	@Test
	void deserializerKeepsTombstonesNull() {
		assertThat(new EventDeserializer<>(Feed.class).deserialize(Topics.FEEDS, null)).isNull();
	}

	@Test
	void namesDeadLetterTopicsWithDotSuffix() {
		assertThat(Topics.deadLetter(Topics.RAW)).isEqualTo("news.raw.dlt");
	}

}
