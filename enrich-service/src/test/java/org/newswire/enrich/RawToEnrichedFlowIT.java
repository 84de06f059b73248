package org.newswire.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EntityMention;
import org.newswire.events.EventSerde;
import org.newswire.events.Extraction;
import org.newswire.events.RawArticle;
import org.newswire.events.TopicMatch;
import org.newswire.events.Topics;
import org.newswire.testsupport.TopicReader;
import org.newswire.testsupport.NewswireStack;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application between real Kafka topics, with article pages served by a local HTTP
 * server: what a raw article becomes on {@code news.enriched}, and what bad records become on
 * {@code news.raw.dlt}.
 */
@NewswireStack(elasticsearch = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RawToEnrichedFlowIT {

	private static final String SUMMARY = "Diplomatic engagements in Alaska and Europe yielded limited results; "
			+ "prospects for a ceasefire dwindle.";

	private static final int SLOW_PAGE_SECONDS = 25;

	private static final List<String> pagesRequested = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static final HttpServer pages = startPageServer();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("newswire.enrich.fetch.allowed-hosts", () -> "127.0.0.1");
		registry.add("newswire.enrich.fetch.connect-timeout", () -> "2s");
		registry.add("newswire.enrich.fetch-retry.attempts", () -> "2");
		registry.add("newswire.enrich.fetch-retry.initial-backoff", () -> "50ms");
		registry.add("newswire.enrich.fetch.per-host-delay", () -> "0s");
		registry.add("newswire.enrich.fetch.per-host-concurrency", () -> "8");
		registry.add("newswire.enrich.pipeline.article-timeout", () -> "4s");
		registry.add("newswire.kafka.retry.initial-interval", () -> "100ms");
		registry.add("newswire.kafka.retry.max-retries", () -> "1");
	}

	@LocalServerPort
	private int port;

	private KafkaProducer<String, byte[]> producer;

	private TopicReader enriched;

	private TopicReader deadLetters;

	private String run;

	@BeforeEach
	void setUp() {
		String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
		enriched = new TopicReader(bootstrap, Topics.ENRICHED);
		deadLetters = new TopicReader(bootstrap, Topics.deadLetter(Topics.RAW));
		run = UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void tearDown() {
		producer.close();
		enriched.close();
		deadLetters.close();
	}

	@AfterAll
	static void stopPages() {
		pages.stop(0);
	}

	@Test
	void enrichesTheSeedArticleFromItsClutteredPage() throws Exception {
		RawArticle raw = raw("seed-" + run, pageUrl("/2025/08/diplomatic-efforts-stall/"));

		send(raw.articleId(), EventSerde.toJson(raw));

		EnrichedArticle article = read(enriched.awaitKey(raw.articleId()));
		assertThat(article.extraction()).isEqualTo(Extraction.ok("article-body"));
		assertThat(article.text()).contains("Russian President Vladimir Putin has demanded that Ukraine renounce")
			.contains("Belt and Road Initiative (BRI) is poised to play a major role")
			.doesNotContain("We use cookies")
			.doesNotContain("Sign up for our daily newsletter")
			.doesNotContain("Related coverage")
			.doesNotContain("All rights reserved");
		assertThat(article.topics()).extracting(TopicMatch::id)
			.contains("belt-and-road", "sanctions", "peace-talks");
		assertThat(article.topics()).allSatisfy(topic -> assertThat(topic.matched()).isNotEmpty());
		assertThat(article.language()).isEqualTo("en");
		assertThat(article.languageConfidence()).isBetween(0.5, 1.0);
		assertThat(article.siteName()).isEqualTo("Global Affairs Daily");
		assertThat(article.leadImage()).isEqualTo(pageUrl("/wp-content/uploads/2025/08/anchorage-summit.jpg"));
		assertThat(article.entities()).extracting(EntityMention::id)
			.contains("person:xi-jinping", "person:vladimir-putin", "person:volodymyr-zelensky",
					"place:united-states", "place:china", "place:ukraine");
		assertThat(article.wordCount()).isGreaterThan(800);
		assertThat(article.fingerprint()).matches("[0-9a-f]{16}");
		assertThat(article.title()).isEqualTo(raw.title());
		assertThat(article.summary()).isEqualTo(SUMMARY);
		assertThat(article.enrichedAt()).isAfter(raw.ingestedAt());
	}

	@Test
	void publishesFromTheFeedSummaryWhenThePageCannotBeFetched() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		RawArticle missing = raw("missing-" + run, pageUrl("/no-such-story/"));
		RawArticle unreachable = raw("closed-" + run, "http://127.0.0.1:" + closedPort + "/story/");

		send(missing.articleId(), EventSerde.toJson(missing));
		send(unreachable.articleId(), EventSerde.toJson(unreachable));

		for (RawArticle raw : List.of(missing, unreachable)) {
			EnrichedArticle article = read(enriched.awaitKey(raw.articleId()));
			assertThat(article.extraction().status()).isEqualTo(Extraction.FETCH_FAILED);
			assertThat(article.extraction().method()).isEqualTo("feed-summary");
			assertThat(article.extraction().detail()).isNotBlank();
			assertThat(article.text()).isEqualTo(SUMMARY);
			assertThat(article.topics()).extracting(TopicMatch::id).contains("peace-talks");
		}
	}

	@Test
	void sendsPoisonRecordsToTheDeadLetterTopicAndKeepsGoing() throws Exception {
		String badJson = "bad-json-" + run;
		String unknownSchema = "schema-99-" + run;
		RawArticle good = raw("after-poison-" + run, pageUrl("/2025/08/diplomatic-efforts-stall/"));
		String futureEvent = new String(EventSerde.toJson(raw(unknownSchema, pageUrl("/x/"))), StandardCharsets.UTF_8)
			.replace("\"schema\":1", "\"schema\":99");
		assertThat(futureEvent).contains("\"schema\":99");

		send(badJson, "{\"schema\": 1, \"articleId\": ".getBytes(StandardCharsets.UTF_8));
		send(unknownSchema, futureEvent.getBytes(StandardCharsets.UTF_8));
		send(good.articleId(), EventSerde.toJson(good));

		ConsumerRecord<String, byte[]> malformed = deadLetters.awaitKey(badJson);
		assertThat(new String(malformed.value(), StandardCharsets.UTF_8)).isEqualTo("{\"schema\": 1, \"articleId\": ");
		assertThat(header(malformed, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
		assertThat(header(malformed, "kafka_dlt-exception-stacktrace")).contains("MalformedEventException");
		assertThat(header(malformed, "kafka_dlt-original-topic")).isEqualTo(Topics.RAW);

		ConsumerRecord<String, byte[]> future = deadLetters.awaitKey(unknownSchema);
		assertThat(new String(future.value(), StandardCharsets.UTF_8)).isEqualTo(futureEvent);
		assertThat(header(future, "kafka_dlt-exception-stacktrace")).contains("UnknownSchemaException").contains("99");

		assertThat(read(enriched.awaitKey(good.articleId())).extraction().status()).isEqualTo(Extraction.OK);
	}

	@Test
	void aSlowHostCostsItsArticleTheTimeoutWithoutHoldingBackTheNextOne() throws Exception {
		RawArticle slow = raw("slow-" + run, pageUrl("/slow/2025/08/story/"));
		RawArticle fast = raw("fast-" + run, pageUrl("/2025/08/diplomatic-efforts-stall/"));
		long started = System.nanoTime();

		producer.send(new ProducerRecord<>(Topics.RAW, 0, slow.articleId(), EventSerde.toJson(slow))).get(30, TimeUnit.SECONDS);
		producer.send(new ProducerRecord<>(Topics.RAW, 0, fast.articleId(), EventSerde.toJson(fast))).get(30, TimeUnit.SECONDS);

		EnrichedArticle fastArticle = read(enriched.awaitKey(fast.articleId()));
		EnrichedArticle slowArticle = read(enriched.awaitKey(slow.articleId()));
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(seconds).as("both published well before the slow page answers (%d s)", SLOW_PAGE_SECONDS)
			.isLessThan(SLOW_PAGE_SECONDS - 5);
		assertThat(fastArticle.extraction().status()).isEqualTo(Extraction.OK);
		assertThat(slowArticle.extraction().status()).isEqualTo(Extraction.FETCH_FAILED);
		assertThat(slowArticle.extraction().detail()).contains("within 4 s");
		assertThat(slowArticle.text()).isEqualTo(SUMMARY);
	}

	@Test
	void honoursRobotsTxtAndRecordsPagesThatAreNotHtml() throws Exception {
		RawArticle disallowed = raw("robots-" + run, pageUrl("/private/2025/08/story/"));
		RawArticle redirected = raw("robots-redirect-" + run, pageUrl("/moved/2025/08/story/"));
		RawArticle pdf = raw("pdf-" + run, pageUrl("/files/report.pdf"));

		send(disallowed.articleId(), EventSerde.toJson(disallowed));
		send(redirected.articleId(), EventSerde.toJson(redirected));
		send(pdf.articleId(), EventSerde.toJson(pdf));

		EnrichedArticle blocked = read(enriched.awaitKey(disallowed.articleId()));
		assertThat(blocked.extraction().status()).isEqualTo(Extraction.BLOCKED);
		assertThat(blocked.extraction().detail()).contains("robots.txt");
		assertThat(blocked.text()).isEqualTo(SUMMARY);
		EnrichedArticle redirectBlocked = read(enriched.awaitKey(redirected.articleId()));
		assertThat(redirectBlocked.extraction().status()).isEqualTo(Extraction.BLOCKED);
		assertThat(redirectBlocked.extraction().detail()).contains("robots.txt").contains("redirected to");
		assertThat(pagesRequested).doesNotContain("/private/2025/08/story/", "/private/moved/2025/08/story/");
		EnrichedArticle notHtml = read(enriched.awaitKey(pdf.articleId()));
		assertThat(notHtml.extraction().status()).isEqualTo(Extraction.NOT_HTML);
		assertThat(notHtml.extraction().detail()).contains("application/pdf");
	}

	@Test
	void publishesRevisionsOfOneArticleInTheirOrder() throws Exception {
		String id = "revised-" + run;
		for (int revision = 1; revision <= 4; revision++) {
			RawArticle raw = withRevision(raw(id, pageUrl(revision % 2 == 0 ? "/slow/2025/08/story/"
					: "/2025/08/diplomatic-efforts-stall/")), revision);
			send(id, EventSerde.toJson(raw));
		}

		List<ConsumerRecord<String, byte[]>> records = enriched.awaitKey(id, 4);

		assertThat(records.stream().map(RawToEnrichedFlowIT::read).map(EnrichedArticle::revision).toList())
			.containsExactly(1, 2, 3, 4);
	}

	@Test
	void reportsKafkaInHealthAndExposesPrometheusMetrics() throws Exception {
		RawArticle raw = raw("metrics-" + run, pageUrl("/2025/08/diplomatic-efforts-stall/"));
		send(raw.articleId(), EventSerde.toJson(raw));
		enriched.awaitKey(raw.articleId());

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> health = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> prometheus = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"kafka\"").contains("\"status\":\"UP\"");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("newswire_enrich_articles_total{").contains("status=\"ok\"");
	}

	private RawArticle raw(String id, String url) {
		Instant now = Instant.now();
		return new RawArticle(RawArticle.SCHEMA, id, url, url, "feed-test", "http://127.0.0.1/feed.xml", "Test feed",
				url, "Diplomatic Efforts Stall as Ukraine Peace Talks Remain Elusive", SUMMARY,
				now.minusSeconds(3600), now, List.of("Staff"), List.of("World"), null, 1);
	}

	private static RawArticle withRevision(RawArticle raw, int revision) {
		return new RawArticle(raw.schema(), raw.articleId(), raw.url(), raw.canonicalUrl(), raw.feedId(), raw.feedUrl(),
				raw.feedTitle(), raw.guid(), raw.title() + " (" + revision + ")", raw.summary(), raw.publishedAt(),
				raw.ingestedAt(), raw.authors(), raw.categories(), raw.language(), revision);
	}

	private void send(String key, byte[] value) throws Exception {
		producer.send(new ProducerRecord<>(Topics.RAW, key, value)).get(30, TimeUnit.SECONDS);
	}

	private static EnrichedArticle read(ConsumerRecord<String, byte[]> record) {
		return EventSerde.fromJson(record.value(), EnrichedArticle.class);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String pageUrl(String path) {
		return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static HttpServer startPageServer() {
		try {
			byte[] page;
			try (InputStream in = RawToEnrichedFlowIT.class.getResourceAsStream("/extract/seed-article-cluttered.html")) {
				page = in.readAllBytes();
			}
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/robots.txt", exchange -> respond(exchange, 200, "text/plain",
					"User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
			server.createContext("/moved/", exchange -> {
				exchange.getResponseHeaders().set("Location", "/private" + exchange.getRequestURI().getPath());
				exchange.sendResponseHeaders(301, -1);
				exchange.close();
			});
			server.createContext("/files/", exchange -> respond(exchange, 200, "application/pdf",
					"%PDF-1.7 not a page".getBytes(StandardCharsets.UTF_8)));
			server.createContext("/slow/", exchange -> {
				try {
					Thread.sleep(SLOW_PAGE_SECONDS * 1000L);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				respond(exchange, 200, "text/html", page);
			});
			server.createContext("/", exchange -> {
				pagesRequested.add(exchange.getRequestURI().getPath());
				boolean found = exchange.getRequestURI().getPath().startsWith("/2025/08/");
				byte[] body = found ? page : "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(found ? 200 : 404, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16, runnable -> {
				Thread thread = new Thread(runnable, "test-pages");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
