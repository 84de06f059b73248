package org.newswire.ingest.normalize;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.events.RawArticle;
import org.newswire.ingest.parse.ParsedFeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ItemNormalizerTest {

	private static final Instant NOW = Instant.parse("2024-06-05T12:00:00Z");

	private static final URI FEED_URL = URI.create("https://news.example/feeds/world.xml");

	private final ItemNormalizer normalizer = new ItemNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

	private final ParsedFeed feed = new ParsedFeed("rss_2.0", "World News", URI.create("https://news.example/"),
			"en-gb", List.of());

	@Test
	void mapsItemToRawArticle() throws Exception {
		ParsedFeed.Item item = new ParsedFeed.Item("guid-1", "Talks resume",
				URI.create("https://News.Example/world/talks?utm_source=rss&id=7#top"), "…", "Negotiators met.",
				Instant.parse("2024-06-03T12:30:00Z"), Instant.parse("2024-06-03T13:00:00Z"), List.of("Jane Doe"),
				List.of("Diplomacy"));

		RawArticle article = normalizer.normalize(item, feed, FEED_URL);

		assertThat(article.schema()).isEqualTo(RawArticle.SCHEMA);
		assertThat(article.revision()).isEqualTo(1);
		assertThat(article.url()).isEqualTo("https://News.Example/world/talks?utm_source=rss&id=7#top");
		assertThat(article.canonicalUrl()).isEqualTo("https://news.example/world/talks?id=7");
		assertThat(article.articleId()).isEqualTo(ArticleIds.of("https://news.example/world/talks?id=7"));
		assertThat(article.feedUrl()).isEqualTo(FEED_URL.toString());
		assertThat(article.feedId()).isEqualTo(ArticleIds.of("https://news.example/feeds/world.xml"));
		assertThat(article.feedTitle()).isEqualTo("World News");
		assertThat(article.guid()).isEqualTo("guid-1");
		assertThat(article.title()).isEqualTo("Talks resume");
		assertThat(article.summary()).isEqualTo("Negotiators met.");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-06-03T12:30:00Z"));
		assertThat(article.ingestedAt()).isEqualTo(NOW);
		assertThat(article.authors()).containsExactly("Jane Doe");
		assertThat(article.categories()).containsExactly("Diplomacy");
		assertThat(article.language()).isEqualTo("en-gb");
	}

	@Test
	void usesUpdatedDateWhenThereIsNoPublishedDate() throws Exception {
		RawArticle article = normalizer.normalize(item("https://news.example/a", null,
				Instant.parse("2024-06-04T12:00:00Z")), feed, FEED_URL);
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-06-04T12:00:00Z"));
	}

	@Test
	void leavesPublishedAtEmptyRatherThanInventingIt() throws Exception {
		RawArticle article = normalizer.normalize(item("https://news.example/a", null, null), feed, FEED_URL);
		assertThat(article.publishedAt()).isNull();
	}

	@Test
	void givesTheSameIdToUrlsThatDifferOnlyByTracking() throws Exception {
		RawArticle plain = normalizer.normalize(item("https://news.example/a?id=1", null, null), feed, FEED_URL);
		RawArticle tracked = normalizer.normalize(item("https://news.example/a?utm_medium=rss&id=1", null, null), feed,
				FEED_URL);
		assertThat(tracked.articleId()).isEqualTo(plain.articleId());
	}

	@Test
	void rejectsItemWithoutLinkNamingIt() {
		ParsedFeed.Item item = new ParsedFeed.Item("g-9", "Lonely item", null, null, null, null, null, null, null);
		assertThatExceptionOfType(UnusableItemException.class).isThrownBy(() -> normalizer.normalize(item, feed, FEED_URL))
			.withMessageContaining("Lonely item")
			.withMessageContaining("no link");
	}

	@Test
	void rejectsItemWithNonHttpLink() {
		assertThatExceptionOfType(UnusableItemException.class)
			.isThrownBy(() -> normalizer.normalize(item("javascript:void(0)", null, null), feed, FEED_URL))
			.withMessageContaining("not an http(s) URL");
	}

	private static ParsedFeed.Item item(String link, Instant published, Instant updated) {
		return new ParsedFeed.Item(null, "Title", URI.create(link), link, null, published, updated, null, null);
	}

}
