package org.newswire.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.events.EventSerde;
import org.newswire.events.RawArticle;
import org.newswire.ingest.poll.FeedPollResult;
import org.newswire.ingest.poll.FeedPollResult.Outcome;
import org.newswire.ingest.poll.FeedPoller;
import org.newswire.testsupport.NewswireStack;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feeds served from a local HTTP server, the real broker, the real application: what reaches
 * {@code news.raw}, and what must not reach it twice.
 */
@NewswireStack(elasticsearch = false)
// closed after the class: a context left running would poll the feeds other tests register
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedToRawTopicIT {

	private static final FeedServer feeds = FeedServer.start();

	@DynamicPropertySource
	static void feeds(DynamicPropertyRegistry registry) {
		registry.add("newswire.ingest.poll.feed-urls",
				() -> feeds.url("/broken.xml") + "," + feeds.url("/page.html") + "," + feeds.url("/world.xml"));
		// the tests poll explicitly; scheduled polling is shown by the restart test
		registry.add("newswire.ingest.poll.initial-delay", () -> "1h");
		registry.add("newswire.ingest.poll.interval", () -> "1h");
		registry.add("newswire.ingest.fetch.allowed-hosts", () -> "127.0.0.1");
		// its own group: this context polls every registered feed, however many other tests registered
		registry.add("newswire.ingest.registry.group-id", () -> "feed-to-raw-" + UUID.randomUUID());
	}

	@Autowired
	private FeedPoller poller;

	@LocalServerPort
	private int port;

	private RawTopic rawTopic;

	/** Article URLs are unique per test, so tests do not see each other's articles on the shared topic. */
	private String run;

	@BeforeEach
	void setUp() {
		run = UUID.randomUUID().toString().substring(0, 8);
		feeds.serve("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Broken</titel>");
		feeds.serve("/page.html", "text/html", "<!DOCTYPE html><html><body><h1>Moved</h1></body></html>");
		feeds.serveRss("/world.xml", "World", "");
		rawTopic = new RawTopic(System.getProperty("spring.kafka.bootstrap-servers"));
	}

	@AfterEach
	void closeTopic() {
		rawTopic.close();
	}

	@AfterAll
	static void stopFeedServer() {
		feeds.close();
	}

	@Test
	void publishesFeedItemsToRawTopicAsRawArticles() {
		feeds.serveRss("/world.xml", "World &amp; Region", """
				<item><title>Talks resume in &lt;b&gt;Geneva&lt;/b&gt;</title>
				  <link>https://News.Example/%1$s/talks?utm_source=rss&amp;id=7#top</link>
				  <guid isPermaLink="false">%1$s-talks</guid>
				  <description>&lt;p&gt;Negotiators &lt;em&gt;met&lt;/em&gt; on Monday.&lt;/p&gt;</description>
				  <pubDate>Mon, 03 Jun 2024 14:30:00 +0200</pubDate>
				  <author>desk@news.example (Jane Doe)</author>
				  <category>Diplomacy</category></item>
				<item><title>Port deal signed</title><link>/%1$s/port-deal</link></item>
				""".formatted(run));
		Map<TopicPartition, Long> before = rawTopic.end();

		FeedPollResult world = pollWorld();

		assertThat(world.outcome()).isEqualTo(Outcome.NEW_ITEMS);
		assertThat(world.published()).isEqualTo(2);
		List<ConsumerRecord<String, RawArticle>> records = rawTopic.since(before);
		String talks = "https://news.example/" + run + "/talks?id=7";
		String portDeal = "http://127.0.0.1:" + feeds.url("/").getPort() + "/" + run + "/port-deal";
		assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(sha256(talks), sha256(portDeal));
		RawArticle article = records.stream().filter(r -> r.key().equals(sha256(talks))).findFirst().orElseThrow().value();
		assertThat(article.schema()).isEqualTo(1);
		assertThat(article.revision()).isEqualTo(1);
		assertThat(article.articleId()).isEqualTo(sha256(talks));
		assertThat(article.canonicalUrl()).isEqualTo(talks);
		assertThat(article.url()).isEqualTo("https://News.Example/" + run + "/talks?utm_source=rss&id=7#top");
		assertThat(article.feedUrl()).isEqualTo(feeds.url("/world.xml").toString());
		assertThat(article.feedId()).isEqualTo(sha256(feeds.url("/world.xml").toString()));
		assertThat(article.feedTitle()).isEqualTo("World & Region");
		assertThat(article.guid()).isEqualTo(run + "-talks");
		assertThat(article.title()).isEqualTo("Talks resume in Geneva");
		assertThat(article.summary()).isEqualTo("Negotiators met on Monday.");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-06-03T12:30:00Z"));
		assertThat(article.ingestedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(article.authors()).containsExactly("desk@news.example (Jane Doe)");
		assertThat(article.categories()).containsExactly("Diplomacy");
		assertThat(article.language()).isEqualTo("en");
	}

	@Test
	void skipsItemsAlreadyPublished() {
		feeds.serveRss("/world.xml", "World", item("a") + item("b"));
		Map<TopicPartition, Long> start = rawTopic.end();
		assertThat(pollWorld().published()).isEqualTo(2);

		// the feed changes: one new item on top of the two already published
		feeds.serveRss("/world.xml", "World", item("c") + item("a") + item("b"));
		Map<TopicPartition, Long> afterFirst = rawTopic.end();
		FeedPollResult second = pollWorld();

		assertThat(second.outcome()).isEqualTo(Outcome.NEW_ITEMS);
		assertThat(second.published()).isEqualTo(1);
		assertThat(second.alreadySeen()).isEqualTo(2);
		assertThat(rawTopic.since(afterFirst)).extracting(ConsumerRecord::key)
			.containsExactly(sha256(articleUrl("c")));
		assertThat(rawTopic.since(start)).hasSize(3);
	}

	@Test
	void skipsParsingWhenTheFeedIsUnchanged() {
		feeds.serveRss("/world.xml", "World", item("a"));
		assertThat(pollWorld().published()).isEqualTo(1);
		Map<TopicPartition, Long> before = rawTopic.end();

		FeedPollResult again = pollWorld();

		assertThat(again.outcome()).isIn(Outcome.NOT_MODIFIED, Outcome.UNCHANGED);
		assertThat(rawTopic.since(before)).isEmpty();
	}

	@Test
	void doesNotRepublishUrlThatDiffersOnlyByTrackingParameters() {
		feeds.serveRss("/world.xml", "World", item("a"));
		assertThat(pollWorld().published()).isEqualTo(1);
		Map<TopicPartition, Long> before = rawTopic.end();

		feeds.serveRss("/world.xml", "World", """
				<item><title>Same story, campaign link</title>
				  <link>https://NEWS.example:443/%s/a?utm_source=newsletter&amp;utm_medium=email&amp;fbclid=xyz#more</link></item>
				""".formatted(run));
		FeedPollResult again = pollWorld();

		assertThat(again.outcome()).isEqualTo(Outcome.NO_NEW_ITEMS);
		assertThat(again.alreadySeen()).isEqualTo(1);
		assertThat(rawTopic.since(before)).isEmpty();
	}

	@Test
	void malformedFeedDoesNotStopOtherFeeds() {
		feeds.serveRss("/world.xml", "World", item("a"));
		Map<TopicPartition, Long> before = rawTopic.end();

		List<FeedPollResult> results = List.of(poll("/broken.xml"), poll("/page.html"), poll("/world.xml"));

		assertThat(results).extracting(FeedPollResult::outcome)
			.containsExactly(Outcome.MALFORMED, Outcome.NOT_A_FEED, Outcome.NEW_ITEMS);
		assertThat(results.get(0).detail()).contains("line 1");
		assertThat(results.get(1).detail()).contains("HTML page");
		assertThat(rawTopic.since(before)).extracting(ConsumerRecord::key).containsExactly(sha256(articleUrl("a")));
	}

	@Test
	void keepsAlreadyPublishedItemsUnpublishedAfterRestart() {
		feeds.serveRss("/restart.xml", "Restart", item("r1") + item("r2"));
		Map<TopicPartition, Long> start = rawTopic.end();

		try (ConfigurableApplicationContext first = startIngest("0s")) {
			// the scheduled first poll publishes both
			await().atMost(Duration.ofSeconds(60)).until(() -> rawTopic.since(start).size() == 2);
		}
		Map<TopicPartition, Long> afterFirst = rawTopic.end();

		try (ConfigurableApplicationContext second = startIngest("1h")) {
			FeedPoller restarted = second.getBean(FeedPoller.class);
			String restartFeed = sha256(feeds.url("/restart.xml").toString());
			await().atMost(Duration.ofSeconds(60)).until(() -> restarted.owns(restartFeed));

			FeedPollResult result = restarted.pollNow(restartFeed).orElseThrow();

			// the state moved through news.feeds.state: same body as last time, nothing parsed or published
			assertThat(result.outcome()).isIn(Outcome.UNCHANGED, Outcome.NOT_MODIFIED);
			assertThat(rawTopic.since(afterFirst)).isEmpty();

			feeds.serveRss("/restart.xml", "Restart", item("r3") + item("r1") + item("r2"));
			FeedPollResult changed = restarted.pollNow(restartFeed).orElseThrow();
			assertThat(changed.published()).isEqualTo(1);
			assertThat(changed.alreadySeen()).isEqualTo(2);
			assertThat(rawTopic.since(afterFirst)).extracting(ConsumerRecord::key)
				.containsExactly(sha256(articleUrl("r3")));
		}
	}

	@Test
	void reportsKafkaInHealthAndExposesPrometheusMetrics() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> health = http.send(HttpRequest.newBuilder(actuator("health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode kafka = EventSerde.mapper().readTree(health.body()).path("components").path("kafka");
		assertThat(kafka.path("status").asString()).isEqualTo("UP");

		pollWorld();
		HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(actuator("prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("newswire_ingest_polls_total{").contains("outcome=\"malformed\"")
			.contains("newswire_ingest_items_total{");
	}

	private final String restartGroup = "restart-" + UUID.randomUUID();

	private ConfigurableApplicationContext startIngest(String initialDelay) {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--newswire.ingest.registry.group-id=" + restartGroup,
				"--spring.kafka.bootstrap-servers=" + System.getProperty("spring.kafka.bootstrap-servers"),
				"--newswire.ingest.poll.feed-urls=" + feeds.url("/restart.xml"),
				"--newswire.ingest.poll.initial-delay=" + initialDelay, "--newswire.ingest.poll.interval=1h",
				"--newswire.ingest.fetch.allowed-hosts=127.0.0.1");
	}

	private FeedPollResult pollWorld() {
		return poll("/world.xml");
	}

	/** Polls one of this test's feeds now, once this instance owns it (the group assignment takes a moment). */
	private FeedPollResult poll(String path) {
		String feedId = sha256(feeds.url(path).toString());
		await().atMost(Duration.ofSeconds(60)).until(() -> poller.owns(feedId));
		return poller.pollNow(feedId).orElseThrow();
	}

	private String item(String name) {
		return "<item><title>Story " + name + "</title><link>" + articleUrl(name) + "</link></item>\n";
	}

	private String articleUrl(String name) {
		return "https://news.example/" + run + "/" + name;
	}

	private URI actuator(String endpoint) {
		return URI.create("http://127.0.0.1:" + port + "/actuator/" + endpoint);
	}

	/** An article id as DESIGN.md defines it, computed independently of the code under test. */
	private static String sha256(String canonicalUrl) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 32);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
