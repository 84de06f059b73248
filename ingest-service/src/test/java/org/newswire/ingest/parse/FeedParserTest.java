package org.newswire.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParserTest {

	private static final URI FEED_URL = URI.create("https://news.example/feeds/world.xml");

	private final FeedParser parser = new FeedParser();

	@Nested
	class Rss2 {

		private final ParsedFeed feed = parse("rss2-world.xml");

		@Test
		void readsFeedTitleLinkAndLanguage() {
			assertThat(feed.format()).isEqualTo("rss-2.0");
			assertThat(feed.title()).isEqualTo("World & Region News");
			assertThat(feed.link()).isEqualTo(URI.create("https://news.example/world/"));
			assertThat(feed.language()).isEqualTo("en-gb");
		}

		@Test
		void keepsItemsInDocumentOrder() {
			assertThat(feed.items()).extracting(ParsedFeed.Item::title)
				.containsExactly("Talks resume in Geneva & Doha", "Port deal signed", "Sanctions widened",
						"An item with no link at all");
		}

		@Test
		void turnsHtmlInTitleAndSummaryIntoPlainText() {
			ParsedFeed.Item first = feed.items().get(0);
			assertThat(first.title()).isEqualTo("Talks resume in Geneva & Doha");
			assertThat(first.summary()).isEqualTo("Negotiators met on Monday. More to follow.");
		}

		@Test
		void convertsDatesToUtc() {
			assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-06-03T12:30:00Z"));
			assertThat(feed.items().get(2).publishedAt()).isEqualTo(Instant.parse("2024-06-04T08:00:00Z"));
		}

		@Test
		void leavesMissingDateMissing() {
			assertThat(feed.items().get(1).publishedAt()).isNull();
			assertThat(feed.items().get(1).updatedAt()).isNull();
		}

		@Test
		void resolvesRelativeLinkAgainstFeedUrl() {
			assertThat(feed.items().get(1).link()).isEqualTo(URI.create("https://news.example/business/port-deal"));
		}

		@Test
		void usesPermalinkGuidAsLinkWhenThereIsNoLink() {
			assertThat(feed.items().get(2).link())
				.isEqualTo(URI.create("https://news.example/world/sanctions-widened"));
		}

		@Test
		void reportsItemWithoutLinkAsHavingNone() {
			ParsedFeed.Item last = feed.items().get(3);
			assertThat(last.link()).isNull();
			assertThat(last.guid()).isEqualTo("no-link-42");
		}

		@Test
		void readsGuidAuthorsAndCategories() {
			ParsedFeed.Item first = feed.items().get(0);
			assertThat(first.guid()).isEqualTo("talks-2024-001");
			assertThat(first.authors()).containsExactly("Jane Doe");
			assertThat(first.categories()).containsExactly("Diplomacy", "Europe");
		}

	}

	@Nested
	class Atom1 {

		private final ParsedFeed feed = parse("atom-world.xml");

		@Test
		void readsEntriesInDocumentOrder() {
			assertThat(feed.format()).isEqualTo("atom-1.0");
			assertThat(feed.title()).isEqualTo("Atom World");
			assertThat(feed.items()).extracting(ParsedFeed.Item::link)
				.containsExactly(URI.create("https://atom.example/2024/06/ceasefire-holds"),
						URI.create("https://atom.example/2024/06/text-title"));
		}

		@Test
		void turnsHtmlTitleIntoTextButKeepsTextTitleVerbatim() {
			assertThat(feed.items().get(0).title()).isEqualTo("Ceasefire holds");
			assertThat(feed.items().get(1).title()).isEqualTo("Why <b> is not bold here");
		}

		@Test
		void convertsOffsetDateToUtc() {
			ParsedFeed.Item first = feed.items().get(0);
			assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-06-05T03:45:00Z"));
			assertThat(first.updatedAt()).isEqualTo(Instant.parse("2024-06-05T10:00:00Z"));
		}

		@Test
		void doesNotInventPublishedDateFromUpdated() {
			ParsedFeed.Item second = feed.items().get(1);
			assertThat(second.publishedAt()).isNull();
			assertThat(second.updatedAt()).isEqualTo(Instant.parse("2024-06-04T12:00:00Z"));
		}

		@Test
		void fallsBackToContentWhenThereIsNoSummary() {
			// markup boundaries become spaces, as the feed scorer reads them
			assertThat(feed.items().get(0).summaryOrContent()).isEqualTo("Both sides agree .");
			assertThat(feed.items().get(1).summaryOrContent()).isEqualTo("Only content , no summary.");
		}

		@Test
		void readsAuthorsIdAndCategories() {
			ParsedFeed.Item first = feed.items().get(0);
			assertThat(first.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
			assertThat(first.authors()).containsExactly("Ravi Kumar");
			assertThat(first.categories()).containsExactly("peace");
		}

	}

	@Nested
	class Rss1 {

		private final ParsedFeed feed = parse("rss1-world.rdf");

		@Test
		void readsRdfItemsWithDublinCoreDates() {
			assertThat(feed.format()).isEqualTo("rss-1.0");
			assertThat(feed.title()).isEqualTo("RDF World");
			assertThat(feed.items()).extracting(ParsedFeed.Item::title)
				.containsExactly("First RDF item", "Second RDF item");
			assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-06-01T06:00:00Z"));
			assertThat(feed.items().get(0).authors()).containsExactly("Anna Schmidt");
			assertThat(feed.items().get(1).publishedAt()).isNull();
		}

	}

	@Test
	void acceptsUndeclaredHtmlEntities() {
		ParsedFeed feed = parse("html-entities.xml");
		assertThat(feed.title()).isEqualTo("Café News");
		assertThat(feed.items().get(0).title()).isEqualTo("Prices rise — again");
		assertThat(feed.repairs()).anySatisfy(repair -> assertThat(repair).contains("not well-formed"));
	}

	@Test
	void reportsCleanDocumentWithoutRepairs() {
		assertThat(parse("rss2-world.xml").repairs()).isEmpty();
	}

	@Test
	void rejectsHtmlPageAsNotAFeed() {
		assertThatExceptionOfType(NotAFeedException.class).isThrownBy(() -> parser.parse(bytes("html-page.html"), FEED_URL))
			.withMessageContaining("HTML page");
	}

	@Test
	void rejectsXhtmlPageAsNotAFeed() {
		assertThatExceptionOfType(NotAFeedException.class)
			.isThrownBy(() -> parser.parse(bytes("xhtml-page.html"), FEED_URL))
			.withMessageContaining("HTML page");
	}

	@Test
	void rejectsOtherXmlAsNotAFeedNamingTheRootElement() {
		assertThatExceptionOfType(NotAFeedException.class)
			.isThrownBy(() -> parser.parse(bytes("not-a-feed.xml"), FEED_URL))
			.withMessageContaining("<catalog>");
	}

	@Test
	void rejectsJsonThatIsNotAJsonFeed() {
		assertThatExceptionOfType(NotAFeedException.class).isThrownBy(() -> parser.parse(bytes("json-body.json"), FEED_URL))
			.withMessageContaining("not a JSON Feed");
	}

	@Test
	void refusesExternalEntityDeclaration() {
		assertThatExceptionOfType(MalformedFeedException.class).isThrownBy(() -> parser.parse(bytes("xxe.xml"), FEED_URL))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void refusesEntityExpansion() {
		assertThatExceptionOfType(MalformedFeedException.class)
			.isThrownBy(() -> parser.parse(bytes("billion-laughs.xml"), FEED_URL))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void recoversMisspeltClosingTagAndSaysSo() {
		ParsedFeed feed = parse("broken.xml");
		assertThat(feed.items()).extracting(ParsedFeed.Item::title).containsExactly("Unclosed");
		assertThat(feed.repairs()).anySatisfy(repair -> assertThat(repair).contains("line 5").contains("must be terminated"));
	}

	@Test
	void reportsEmptyBodyAsMalformed() {
		assertThatExceptionOfType(MalformedFeedException.class)
			.isThrownBy(() -> parser.parse(" \n".getBytes(StandardCharsets.UTF_8), FEED_URL))
			.withMessageContaining("empty");
	}

	private ParsedFeed parse(String fixture) {
		try {
			return parser.parse(bytes(fixture), FEED_URL);
		}
		catch (FeedParseException ex) {
			throw new AssertionError(fixture + " should parse", ex);
		}
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = FeedParserTest.class.getResourceAsStream("/parse/" + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + fixture);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
