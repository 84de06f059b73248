package org.newswire.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LenientFeedParsingTest {

	private static final URI FEED_URL = URI.create("https://hostile.example/feeds/news.xml");

	private final FeedParser parser = new FeedParser();

	@Test
	void recoversBareAmpersandsHtmlEntitiesControlBytesAndUndeclaredPrefixes() {
		ParsedFeed feed = parse("hostile.xml", FEED_URL);
		assertThat(feed.title()).isEqualTo("Bare & ugly feed");
		ParsedFeed.Item item = feed.items().get(0);
		assertThat(item.title()).isEqualTo("Tom & Jerry été");
		assertThat(feed.repairs()).anySatisfy(repair -> assertThat(repair).contains("characters illegal in XML removed"))
			.anySatisfy(repair -> assertThat(repair).contains("whitespace before the XML declaration"))
			.anySatisfy(repair -> assertThat(repair).contains("not well-formed"));
	}

	@Test
	void resolvesRelativeLinkAgainstFeedUrlAndReadsMonthFirstDate() {
		ParsedFeed.Item item = parse("hostile.xml", FEED_URL).items().get(0);
		assertThat(item.link()).isEqualTo(URI.create("https://hostile.example/relative/one"));
		assertThat(item.publishedAt()).isEqualTo(Instant.parse("2023-12-16T14:02:33Z"));
	}

	@Test
	void readsUndeclaredLatin1AsWindows1252() {
		ParsedFeed feed = parse("latin1-undeclared.xml", FEED_URL);
		assertThat(feed.title()).isEqualTo("Café & Co");
		assertThat(feed.items().get(0).title()).isEqualTo("Résumé");
		assertThat(feed.repairs()).anySatisfy(repair -> assertThat(repair).contains("windows-1252"));
	}

	@Test
	void readsUtf16WithoutByteOrderMark() {
		ParsedFeed feed = parse("utf16-no-bom.xml", FEED_URL);
		assertThat(feed.title()).isEqualTo("UTF-16 feed é");
		assertThat(feed.items()).extracting(ParsedFeed.Item::title).containsExactly("One");
	}

	@Test
	void resolvesLinksAgainstNestedXmlBase() {
		ParsedFeed feed = parse("xml-base.xml", FEED_URL);
		assertThat(feed.title()).isEqualTo("Based feed");
		ParsedFeed.Item entry = feed.items().get(0);
		assertThat(entry.link()).isEqualTo(URI.create("https://base.example/blog/posts/2024/first.html"));
		assertThat(entry.publishedAt()).isNull();
		assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2024-06-04T10:00:00Z"));
	}

	@Test
	void readsJsonFeed() {
		ParsedFeed feed = parse("json-feed.json", null);
		assertThat(feed.format()).isEqualTo("json-feed-1.1");
		assertThat(feed.title()).isEqualTo("JSON World");
		ParsedFeed.Item first = feed.items().get(0);
		assertThat(first.link()).isEqualTo(URI.create("https://json.example/posts/1"));
		assertThat(first.title()).isEqualTo("First &amp; best");
		assertThat(first.content()).isEqualTo("Hello world");
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));
		assertThat(first.authors()).containsExactly("Ann");
		assertThat(first.categories()).containsExactly("a", "b");
		assertThat(feed.items().get(1).title()).isNull();
	}

	@Test
	void rejectsTruncatedJsonAsMalformed() {
		assertThatExceptionOfType(MalformedFeedException.class)
			.isThrownBy(() -> parser.parse("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [".getBytes(
					StandardCharsets.UTF_8), FEED_URL))
			.withMessageContaining("JSON");
	}

	@Test
	void readsGoogleNewsSitemap() {
		ParsedFeed feed = parse("news-sitemap.xml", FEED_URL);
		assertThat(feed.format()).isEqualTo("sitemap-news");
		ParsedFeed.Item item = feed.items().get(0);
		assertThat(item.title()).isEqualTo("Companies A, B in Merger Talks");
		assertThat(item.link()).isEqualTo(URI.create("https://sitemap.example/business/article55.html"));
		assertThat(item.publishedAt()).isEqualTo(Instant.parse("2008-12-23T00:00:00Z"));
	}

	@Test
	void listsTheFeedsAnHtmlPageAdvertises() {
		assertThatExceptionOfType(NotAFeedException.class)
			.isThrownBy(() -> parser.parse(bytes("html-with-feeds.html"), URI.create("https://news.example/")))
			.withMessageContaining("HTML page")
			.satisfies(ex -> assertThat(ex.advertisedFeeds()).containsExactly("https://news.example/rss.xml",
					"https://news.example/atom.xml"));
	}

	@Test
	void ignoresExternalDtdOfOldRssButNeverLoadsIt() {
		ParsedFeed feed = parse("rss091-doctype.xml", FEED_URL);
		assertThat(feed.title()).isEqualTo("Old & Netscape");
		assertThat(feed.refreshHint()).isEqualTo(Duration.ofMinutes(90));
		assertThat(feed.repairs()).anySatisfy(repair -> assertThat(repair).contains("DOCTYPE ignored"));
	}

	@Test
	void inflatesGzipCompressedBody() throws Exception {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write(bytes("rss2-world.xml"));
		}
		ParsedFeed feed = parser.parse(compressed.toByteArray(), FEED_URL);
		assertThat(feed.title()).isEqualTo("World & Region News");
		assertThat(feed.repairs()).anySatisfy(repair -> assertThat(repair).contains("gzip"));
	}

	@Test
	void cutsOffGzipBombEarly() throws IOException {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] zeros = new byte[1 << 20];
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			for (int i = 0; i < 80; i++) {
				gzip.write(zeros);
			}
		}
		assertThat(compressed.size()).isLessThan(200_000);
		assertThatExceptionOfType(MalformedFeedException.class)
			.isThrownBy(() -> parser.parse(compressed.toByteArray(), FEED_URL))
			.withMessageContaining("inflates beyond");
	}

	@Test
	void keepsBareAmpersandsInLinksLiteral() throws Exception {
		String rss = """
				<rss version="2.0"><channel><title>Q&A &nbsp;feed</title><item><title>Fish &amp; chips &copy; &eacute;t&eacute;</title>
				<link>https://amp.example/story?id=1&region=eu&section=world&times=3</link>
				<description><![CDATA[<p>Tom &copy Jerry</p>]]></description></item></channel></rss>""";
		ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), FEED_URL);
		assertThat(feed.title()).isEqualTo("Q&A feed");
		ParsedFeed.Item item = feed.items().get(0);
		assertThat(item.link()).isEqualTo(URI.create("https://amp.example/story?id=1&region=eu&section=world&times=3"));
		assertThat(item.title()).isEqualTo("Fish & chips © été");
		assertThat(item.summary()).isEqualTo("Tom © Jerry");
	}

	@Test
	void readsSyndicationUpdatePeriod() throws Exception {
		String rss = """
				<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>
				<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel></rss>""";
		assertThat(parser.parse(rss.getBytes(StandardCharsets.UTF_8), FEED_URL).refreshHint())
			.isEqualTo(Duration.ofMinutes(15));
	}

	private ParsedFeed parse(String fixture, URI url) {
		try {
			return parser.parse(bytes(fixture), url);
		}
		catch (FeedParseException ex) {
			throw new AssertionError(fixture + " should parse", ex);
		}
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = LenientFeedParsingTest.class.getResourceAsStream("/parse/" + fixture)) {
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
