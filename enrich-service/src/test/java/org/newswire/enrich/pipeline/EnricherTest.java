package org.newswire.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.entity.Gazetteer;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.page.FetchRetry;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.topic.Taxonomy;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.Extraction;
import org.newswire.events.RawArticle;
import org.newswire.events.TopicMatch;
import org.newswire.fetch.FetchSettings;
import org.newswire.fetch.HttpFetcher;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class EnricherTest {

	private static final Instant NOW = Instant.parse("2025-08-21T10:00:00Z");

	private HttpServer server;

	private HttpFetcher httpFetcher;

	private Enricher enricher;

	@BeforeEach
	void start() throws IOException {
		byte[] seedPage;
		try (InputStream in = EnricherTest.class.getResourceAsStream("/extract/seed-article-cluttered.html")) {
			seedPage = in.readAllBytes();
		}
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/seed", exchange -> respond(exchange, seedPage));
		server.createContext("/structured", exchange -> respond(exchange, ("<html><head>"
				+ "<link rel=canonical href=\"/world/structured-story\">"
				+ "<link rel=canonical href=\"https://elsewhere.example/copy\">"
				+ "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Truce holds\","
				+ "\"datePublished\":\"2025-08-20T08:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
				+ "\"articleBody\":\"" + "The truce between the two sides held for a third day. ".repeat(6) + "\"}</script>"
				+ "</head><body><p>Subscribers only.</p></body></html>").getBytes(StandardCharsets.UTF_8)));
		server.createContext("/teaser", exchange -> respond(exchange,
				"<html><head><title>Subscribe</title></head><body><p>Subscribers only.</p></body></html>"
					.getBytes(StandardCharsets.UTF_8)));
		server.createContext("/news/with-image", exchange -> respond(exchange, ("<html lang=\"en\"><head>"
				+ "<meta property=\"og:site_name\" content=\" The Harbour\n Gazette \">"
				+ "<meta property=\"og:image\" content=\"../img/lead.jpg\">"
				+ "</head><body><article><h1>Port strike ends</h1><p>"
				+ "Dock workers returned to the harbour on Monday after the union accepted a new pay offer. ".repeat(5)
				+ "</p></article></body></html>").getBytes(StandardCharsets.UTF_8)));
		server.createContext("/script-image", exchange -> respond(exchange, ("<html><head>"
				+ "<meta property=\"og:image\" content=\"javascript:alert(document.cookie)\">"
				+ "</head><body><article><p>"
				+ "Dock workers returned to the harbour on Monday after the union accepted a new pay offer. ".repeat(5)
				+ "</p></article></body></html>").getBytes(StandardCharsets.UTF_8)));
		server.start();
		httpFetcher = new HttpFetcher(FetchSettings.defaults().withAllowedHosts(List.of("127.0.0.1")));
		enricher = new Enricher(new PageFetcher(httpFetcher, FetchRetry.none()), new MainTextExtractor(),
				new LanguageDetector(), new TopicTagger(Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml"))),
				new EntityTagger(Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml"))), 200,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		server.stop(0);
		httpFetcher.close();
	}

	@Test
	void takesTheTitleFromThePageWhenTheFeedHasNone() {
		EnrichedArticle article = enricher.enrich(raw("/seed", null, "Short summary."));

		assertThat(article.title()).isEqualTo("Diplomatic Efforts Stall as Ukraine Peace Talks Remain Elusive");
		assertThat(article.extraction()).isEqualTo(Extraction.ok("article-body"));
		assertThat(article.topics()).extracting(TopicMatch::id).contains("belt-and-road", "sanctions", "peace-talks");
		assertThat(article.enrichedAt()).isEqualTo(NOW);
	}

	@Test
	void fallsBackToTheSummaryWhenThePageHoldsTooLittleText() {
		String summary = "Negotiators agreed a ceasefire on Tuesday after talks mediated by Qatar.";

		EnrichedArticle article = enricher.enrich(raw("/teaser", "Ceasefire agreed", summary));

		assertThat(article.extraction().status()).isEqualTo(Extraction.NO_TEXT);
		assertThat(article.extraction().method()).isEqualTo("feed-summary");
		assertThat(article.extraction().detail()).contains("below 200");
		assertThat(article.text()).isEqualTo(summary);
		assertThat(article.topics()).extracting(TopicMatch::id).contains("peace-talks");
		assertThat(article.wordCount()).isEqualTo(11);
	}

	@Test
	void takesDateAuthorsAndCanonicalUrlFromThePageAndTheBodyFromJsonLdWhenThePageTextIsTooShort() {
		RawArticle raw = raw("/structured", "Truce holds", "Short.");

		EnrichedArticle article = enricher.enrich(raw);

		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-08-20T08:00:00Z"));
		assertThat(article.authors()).containsExactly("Jane Doe");
		assertThat(article.canonicalUrl()).isEqualTo(raw.url().replace("/structured", "/world/structured-story"));
		assertThat(article.extraction()).isEqualTo(Extraction.ok(Enricher.JSON_LD_BODY));
		assertThat(article.text()).startsWith("The truce between the two sides held");
	}

	@Test
	void keepsTheFeedsDateAndAuthorsWhenThePageHasNone() {
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, "id-teaser", raw("/teaser", "t", "s").url(), null, "feed",
				null, null, null, "Ceasefire agreed", "Short.", NOW.minusSeconds(60), NOW, List.of("Feed Author"),
				List.of(), null, 1);

		EnrichedArticle article = enricher.enrich(raw);

		assertThat(article.publishedAt()).isEqualTo(NOW.minusSeconds(60));
		assertThat(article.authors()).containsExactly("Feed Author");
	}

	@Test
	void keepsTheFeedLanguageWhenTheTextSaysNothing() {
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, "a1", "not a url", null, "f", null, null, null, "", null,
				null, NOW, null, null, "de", 1);

		EnrichedArticle article = enricher.enrich(raw);

		assertThat(article.extraction().status()).isEqualTo(Extraction.FETCH_FAILED);
		assertThat(article.text()).isEmpty();
		assertThat(article.language()).isEqualTo("de");
		assertThat(article.wordCount()).isZero();
	}

	@Test
	void takesSiteNameAndLeadImageFromThePageAndTheDetectorsConfidence() {
		RawArticle raw = raw("/news/with-image", "Port strike ends", "Short.");

		EnrichedArticle article = enricher.enrich(raw);

		assertThat(article.siteName()).isEqualTo("The Harbour Gazette");
		assertThat(article.leadImage()).isEqualTo(raw.url().replace("/news/with-image", "/img/lead.jpg"));
		assertThat(article.language()).isEqualTo("en");
		assertThat(article.languageConfidence()).isBetween(0.5, 1.0);
	}

	@Test
	void dropsALeadImageThatIsNotAnHttpUrl() {
		EnrichedArticle article = enricher.enrich(raw("/script-image", "Port strike ends", "Short."));

		assertThat(article.extraction().status()).isEqualTo(Extraction.OK);
		assertThat(article.leadImage()).isNull();
		assertThat(article.siteName()).isNull();
	}

	@Test
	void hasNoSiteNameLeadImageOrConfidenceWithoutAPageOrDetectedLanguage() {
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, "a1", "not a url", null, "f", null, null, null, "", null,
				null, NOW, null, null, "de", 1);

		EnrichedArticle article = enricher.enrich(raw);

		assertThat(article.siteName()).isNull();
		assertThat(article.leadImage()).isNull();
		assertThat(article.languageConfidence()).as("declared by the feed, not detected").isNull();
	}

	private RawArticle raw(String path, String title, String summary) {
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
		return new RawArticle(RawArticle.SCHEMA, "id-" + path.substring(1), url, url, "feed", null, null, url, title,
				summary, NOW.minusSeconds(60), NOW.minusSeconds(30), List.of(), List.of(), null, 1);
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
