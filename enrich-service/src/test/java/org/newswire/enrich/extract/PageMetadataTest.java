package org.newswire.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageMetadataTest {

	private static final Clock NOW = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsJsonLdFirstAndKeepsDatesWithinBounds() throws IOException {
		PageMetadata metadata = PageMetadata.of(page("metadata-jsonld.html", "https://dailycourier.co.uk/a?utm=x"), NOW);

		assertThat(metadata.title()).isEqualTo("Ceasefire talks resume in Doha");
		assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2025-08-14T08:30:00Z"));
		assertThat(metadata.publishedFrom()).isEqualTo("json-ld");
		assertThat(metadata.authors()).containsExactly("Jane Doe", "Ahmed Khan");
		assertThat(metadata.siteName()).isEqualTo("The Daily Courier");
		assertThat(metadata.leadImage()).isEqualTo("https://dailycourier.co.uk/images/doha.jpg");
		assertThat(metadata.canonicalUrl()).as("same registered domain, www or not")
			.isEqualTo("https://www.dailycourier.co.uk/world/2025/08/ceasefire-talks-doha");
		assertThat(metadata.language()).isEqualTo("en");
		assertThat(metadata.articleBody()).isEqualTo("Negotiators returned to Doha.");
	}

	@Test
	void fallsBackToMetaAndTimeAndRefusesACanonicalOnAnotherDomain() throws IOException {
		PageMetadata metadata = PageMetadata.of(page("metadata-meta-only.html", "https://nordicwire.no/story/1"), NOW);

		assertThat(metadata.title()).isEqualTo("Sanctions widened to shipping firms");
		assertThat(metadata.publishedAt()).as("a 1989 meta date is not plausible; the <time> is")
			.isEqualTo(Instant.parse("2024-03-05T13:00:00Z"));
		assertThat(metadata.publishedFrom()).isEqualTo("time");
		assertThat(metadata.authors()).containsExactly("Kari Nordmann", "Ola Hansen");
		assertThat(metadata.canonicalUrl()).isNull();
		assertThat(metadata.language()).isEqualTo("nb");
	}

	@Test
	void takesTheHeadlineOverAnH1ThatOnlyNamesTheSite() {
		Document doc = Jsoup.parse("<html><head><title>Minecraft 1.8 - The Bountiful Update - Minecraft Update News</title>"
				+ "<meta property=\"og:title\" content=\"Minecraft 1.8 - The Bountiful Update\"></head>"
				+ "<body><h1>Minecraft News</h1><p>The update is out.</p></body></html>", "https://example.org/post/1");

		assertThat(PageMetadata.of(doc, NOW).title()).isEqualTo("Minecraft 1.8 - The Bountiful Update");
	}

	@Test
	void takesTheDocumentTitleOverASectionH1SharingOnlyShortWords() {
		Document doc = Jsoup.parse("<html><head><title>Superbugs: What They Are and How You Get Them</title></head>"
				+ "<body><h1>Information and Resources</h1><p>Antibiotics are losing ground.</p></body></html>",
				"https://example.org/superbugs");

		assertThat(PageMetadata.of(doc, NOW).title()).isEqualTo("Superbugs: What They Are and How You Get Them");
	}

	@Test
	void keepsTheArticleH1WhenThePageHasNoDocumentTitleToSideWithTheSocialTitle() {
		Document doc = Jsoup.parse("<html><head><meta property=\"og:title\" content=\"If You Can Picture A Tarot "
				+ "Card, It's Because of These 3 People\"></head><body><article><h1>The Deck of Cards That Made Tarot "
				+ "A Global Phenomenon</h1><p>Text.</p></article></body></html>", "https://example.org/tarot");

		assertThat(PageMetadata.of(doc, NOW).title()).isEqualTo("The Deck of Cards That Made Tarot A Global Phenomenon");
	}

	@Test
	void keepsTheWholeH1WhenStructuredDataGivesTheSameHeadlineAndDropsInvisibleCharacters() {
		Document doc = Jsoup.parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
				+ "\"headline\":\"Skiing round Norway: – Magisk\"}</script></head><body><article>"
				+ "<h1>Skiing round\u00AD Norway: –\u2060 Magisk</h1><p>Text.</p></article></body></html>",
				"https://example.org/ski");

		assertThat(PageMetadata.of(doc, NOW).title()).isEqualTo("Skiing round Norway: – Magisk");
	}

	@Test
	void keepsOnlyAnHttpLeadImageResolvedAgainstThePage() {
		String page = "<html><head><meta property=\"og:image\" content=\"%s\"></head><body><p>x</p></body></html>";

		assertThat(PageMetadata.of(Jsoup.parse(page.formatted("/img/lead photo.jpg"), "https://example.org/a/b"), NOW)
			.leadImage()).isEqualTo("https://example.org/img/lead%20photo.jpg");
		assertThat(PageMetadata.of(Jsoup.parse(page.formatted("javascript:alert(1)"), "https://example.org/a"), NOW)
			.leadImage()).isNull();
		assertThat(PageMetadata.of(Jsoup.parse(page.formatted("data:image/png;base64,AAAA"), "https://example.org/a"), NOW)
			.leadImage()).isNull();
	}

	@Test
	void readsJsonLdWrappedInCdataOrCommentMarkers() {
		for (String[] wrapper : new String[][] { { "<![CDATA[", "]]>" }, { "//<![CDATA[", "//]]>" }, { "<!--", "-->" } }) {
			Document doc = Jsoup.parse("<html><head><script type=\"application/ld+json\">\n" + wrapper[0]
					+ "\n{\"@type\":\"Article\",\"datePublished\":\"2018-04-05T06:00\"}\n" + wrapper[1]
					+ "\n</script></head><body><p>x</p></body></html>", "https://example.org/a");

			assertThat(PageMetadata.of(doc, NOW).publishedAt()).as(wrapper[0])
				.isEqualTo(Instant.parse("2018-04-05T06:00:00Z"));
		}
	}

	@Test
	void refusesADateInTheFuture() {
		Document doc = Jsoup.parse("<html><head><meta property=\"article:published_time\" content=\"2031-01-01\">"
				+ "</head><body><p>x</p></body></html>", "https://example.org/2025/08/30/story");

		PageMetadata metadata = PageMetadata.of(doc, NOW);

		assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2025-08-30T00:00:00Z"));
		assertThat(metadata.publishedFrom()).isEqualTo("url");
	}

	@Test
	void readsTheDateFormatsPagesUse() {
		assertThat(PageMetadata.parseDate("2024-07-17T11:21:03+0100")).isEqualTo(Instant.parse("2024-07-17T10:21:03Z"));
		assertThat(PageMetadata.parseDate("2017-11-03 03:01:00.000000")).isEqualTo(Instant.parse("2017-11-03T03:01:00Z"));
		assertThat(PageMetadata.parseDate("Tue, 3 Jun 2008 11:05:30 GMT")).isEqualTo(Instant.parse("2008-06-03T11:05:30Z"));
		assertThat(PageMetadata.parseDate("2024-04-24")).isEqualTo(Instant.parse("2024-04-24T00:00:00Z"));
		assertThat(PageMetadata.parseDate("yesterday")).isNull();
	}

	private static Document page(String name, String url) throws IOException {
		try (InputStream in = PageMetadataTest.class.getResourceAsStream("/extract/" + name)) {
			return Jsoup.parse(in, "UTF-8", url);
		}
	}

}
