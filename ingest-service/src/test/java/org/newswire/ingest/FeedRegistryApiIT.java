package org.newswire.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newswire.events.EventSerde;
import org.newswire.testsupport.NewswireStack;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The registry through its HTTP API, backed by the compacted {@code news.feeds} topic on the real broker. */
@NewswireStack(elasticsearch = false)
// closed after the class: a context left running would poll the feeds other tests register
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedRegistryApiIT {

	private static final FeedServer feeds = FeedServer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("newswire.ingest.poll.initial-delay", () -> "1h");
		registry.add("newswire.ingest.fetch.allowed-hosts", () -> "127.0.0.1");
		registry.add("newswire.ingest.registry.group-id", () -> "registry-api-" + UUID.randomUUID());
	}

	@AfterAll
	static void stopFeedServer() {
		feeds.close();
	}

	@Test
	void registersListsChangesAndDeletesFeeds() throws Exception {
		String url = feeds.url("/" + run + "/crud.xml").toString();
		HttpResponse<String> created = send("POST", "/api/feeds",
				"{\"url\":\"" + url + "\",\"title\":\"Crud\",\"tags\":[\"world\",\"test\"],\"minInterval\":\"PT10M\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode feed = json(created);
		String id = feed.path("id").asString();
		assertThat(feed.path("url").asString()).isEqualTo(url);
		assertThat(feed.path("tags").toString()).isEqualTo("[\"world\",\"test\"]");

		assertThat(json(send("GET", "/api/feeds", null)).toString()).contains(id);
		HttpResponse<String> updated = send("PUT", "/api/feeds/" + id, "{\"title\":\"Renamed\",\"enabled\":false}");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(json(updated).path("title").asString()).isEqualTo("Renamed");
		assertThat(json(updated).path("enabled").asBoolean()).isFalse();

		assertThat(send("DELETE", "/api/feeds/" + id, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/feeds/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesInvalidFeedsWithClearMessages() throws Exception {
		assertBadRequest("{\"url\":\"ftp://files.example/feed.xml\"}", "not an http(s) URL");
		assertBadRequest("{\"url\":\"http://169.254.169.254/latest/meta-data\"}", "refused address");
		assertBadRequest("{\"url\":\"http://10.1.2.3/feed.xml\"}", "refused address");
		assertBadRequest("{\"title\":\"no url\"}", "url is required");
		String url = feeds.url("/" + run + "/dup.xml").toString();
		assertThat(send("POST", "/api/feeds", "{\"url\":\"" + url + "\"}").statusCode()).isEqualTo(201);
		assertBadRequest("{\"url\":\"" + url.replace("http://", "HTTP://") + "#x\"}", "duplicate");
	}

	@Test
	void pollsOnRequestAndShowsTheFeedsState() throws Exception {
		String path = "/" + run + "/polled.xml";
		feeds.serveRss(path, "Polled", "<item><title>One</title><link>https://news.example/" + run
				+ "/one</link></item>");
		String id = json(send("POST", "/api/feeds", "{\"url\":\"" + feeds.url(path) + "\"}")).path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> json(send("GET", "/api/feeds/" + id, null)).path("polledHere").asBoolean());

		HttpResponse<String> polled = send("POST", "/api/feeds/" + id + "/poll", null);

		assertThat(polled.statusCode()).isEqualTo(200);
		assertThat(json(polled).path("outcome").asString()).isEqualTo("new-items");
		JsonNode state = json(send("GET", "/api/feeds/" + id, null)).path("state");
		assertThat(state.path("lastOutcome").asString()).isEqualTo("new-items");
		assertThat(state.path("itemsPublished").asInt()).isEqualTo(1);
		assertThat(state.path("consecutiveFailures").asInt()).isZero();
		assertThat(state.path("etag").asString()).isNotBlank();
		assertThat(state.path("bodySha256").asString()).hasSize(64);
		assertThat(state.path("nextPoll").asString()).isNotBlank();
	}

	@Test
	void showsFailingFeedWithItsErrorClassAndAdvertisedFeeds() throws Exception {
		String path = "/" + run + "/page.html";
		feeds.serve(path, "text/html", "<!DOCTYPE html><html><head><title>Home</title>"
				+ "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/real-feed.xml\"></head><body></body></html>");
		String id = json(send("POST", "/api/feeds", "{\"url\":\"" + feeds.url(path) + "\"}")).path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> json(send("GET", "/api/feeds/" + id, null)).path("polledHere").asBoolean());

		send("POST", "/api/feeds/" + id + "/poll", null);

		JsonNode state = json(send("GET", "/api/feeds/" + id, null)).path("state");
		assertThat(state.path("lastOutcome").asString()).isEqualTo("not-a-feed");
		assertThat(state.path("errorClass").asString()).isEqualTo("hard");
		assertThat(state.path("consecutiveFailures").asInt()).isEqualTo(1);
		assertThat(state.path("advertisedFeeds").toString()).contains(feeds.url("/real-feed.xml").toString());
	}

	@Test
	void backsOffAfterFailuresHonouringRetryAfterAndKeepsTheFeed() throws Exception {
		String path = "/" + run + "/busy.xml";
		feeds.fail(path, 503, Map.of("Retry-After", "7200"));
		String id = json(send("POST", "/api/feeds", "{\"url\":\"" + feeds.url(path) + "\",\"tags\":[\"busy\"]}"))
			.path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> json(send("GET", "/api/feeds/" + id, null)).path("polledHere").asBoolean());

		send("POST", "/api/feeds/" + id + "/poll", null);
		Instant afterFirst = Instant.now();
		send("POST", "/api/feeds/" + id + "/poll", null);

		JsonNode state = json(send("GET", "/api/feeds/" + id, null)).path("state");
		assertThat(state.path("lastOutcome").asString()).isEqualTo("fetch-failed");
		assertThat(state.path("errorClass").asString()).isEqualTo("soft");
		assertThat(state.path("consecutiveFailures").asInt()).isEqualTo(2);
		// Retry-After: 2 h (less 10 % jitter at most), far beyond the 5 min interval x (1 + 2 x 0.5)
		assertThat(Instant.parse(state.path("nextPoll").asString())).isAfter(afterFirst.plus(Duration.ofMinutes(100)));

		HttpResponse<String> renamed = send("PUT", "/api/feeds/" + id, "{\"title\":\"Busy\"}");
		assertThat(json(renamed).path("tags").toString()).as("tags kept when left out").isEqualTo("[\"busy\"]");
		String prometheus = send("GET", "/actuator/prometheus", null).body();
		assertThat(prometheus).contains("newswire_ingest_polls_total{class=\"soft\",outcome=\"fetch-failed\"")
			.contains("newswire_ingest_feed_polls_total{feed=\"" + id + "\",outcome=\"fetch-failed\"")
			.contains("newswire_ingest_feeds{state=\"failing\"")
			.contains("newswire_ingest_feed_poll_latency_seconds_count{feed=\"" + id + "\"");
	}

	@Test
	void importsAndExportsOpml() throws Exception {
		String a = feeds.url("/" + run + "/opml-a.xml").toString();
		String b = feeds.url("/" + run + "/opml-b.xml").toString();
		String opml = """
				<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
				<outline text="News"><outline text="A feed" type="rss" xmlUrl="%s"/></outline>
				<outline text="B feed" type="rss" xmlUrl="%s" category="tech"/>
				<outline text="Bad" type="rss" xmlUrl="gopher://old.example/"/>
				</body></opml>""".formatted(a, b);
		HttpResponse<String> imported = http.send(HttpRequest.newBuilder(api("/api/feeds/opml"))
			.header("Content-Type", "text/x-opml")
			.POST(HttpRequest.BodyPublishers.ofString(opml))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(json(imported).path("added").size()).isEqualTo(2);
		assertThat(json(imported).path("skipped").toString()).contains("gopher://old.example/");

		HttpResponse<String> exported = send("GET", "/api/feeds.opml", null);
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.body()).contains("xmlUrl=\"" + a + "\"").contains("category=\"News\"")
			.contains("xmlUrl=\"" + b + "\"");
	}

	private void assertBadRequest(String body, String message) throws Exception {
		HttpResponse<String> response = send("POST", "/api/feeds", body);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(json(response).path("error").asString()).contains(message);
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json");
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI api(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return EventSerde.mapper().readTree(response.body());
	}

}
