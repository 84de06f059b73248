package org.newswire.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventSerde;
import org.newswire.events.TopicMatch;
import org.newswire.events.Topics;
import org.newswire.testsupport.NewswireStack;
import org.newswire.testsupport.Stack;
import org.newswire.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as operators run it: a local site serves an RSS feed whose item links to the
 * seed article inside page clutter; the three packaged services run as separate JVMs against the
 * real Kafka and Elasticsearch of the test stack, configured only by environment variables.
 */
@NewswireStack
class EndToEndIT {

	private static final Duration PIPELINE_DEADLINE = Duration.ofMinutes(3);

	private static final List<String> CLUTTER = List.of("Accept all cookies", "842 partners", "Subscribe today",
			"Search World Affairs Today", "noise-cancelling", "Related stories", "Stock markets rally",
			"Never miss a story", "Sign me up", "GlobalWatcher88", "Great analysis", "Trending now",
			"Refinance your mortgage", "All rights reserved", "Advertise with us", "dataLayer");

	private static FixtureSite site;

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static ServiceProcess search;

	private static int searchPort;

	private static Map<String, String> searchEnvironment;

	@BeforeAll
	static void startSiteAndServices() throws Exception {
		site = FixtureSite.start();
		Stack stack = Stack.get();
		Map<String, String> common = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
				"NEWSWIRE_KAFKA_RETRY_MAXRETRIES", "2");
		searchPort = freePort();
		searchEnvironment = with(common,
				Map.of("NEWSWIRE_SEARCH_ELASTICSEARCH_URIS", stack.elasticsearchUri().toString()));
		services.add(ServiceProcess.start("search-service", searchPort, searchEnvironment));
		search = services.get(0);
		services.add(ServiceProcess.start("enrich-service", freePort(),
				with(common, Map.of("NEWSWIRE_ENRICH_FETCH_ALLOWEDHOSTS", "127.0.0.1"))));
		services.add(ServiceProcess.start("ingest-service", freePort(),
				with(common, Map.of("NEWSWIRE_INGEST_POLL_FEEDURLS", site.feedUrl(), "NEWSWIRE_INGEST_POLL_INTERVAL",
						"5s", "NEWSWIRE_INGEST_FETCH_ALLOWEDHOSTS", "127.0.0.1"))));
		for (ServiceProcess service : services) {
			await(service + " healthy").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(1))
				.until(service::healthy);
		}
	}

	@AfterAll
	static void stopServicesAndSite() {
		services.forEach(ServiceProcess::close);
		if (site != null) {
			site.close();
		}
	}

	@Test
	void seedArticleFromTheFeedBecomesSearchableWithItsTopics() throws Exception {
		JsonNode result = await("seed article searchable").atMost(PIPELINE_DEADLINE)
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> search("Belt and Road"), body -> body != null && body.path("total").asInt() > 0);

		assertThat(result.path("total").asInt()).isEqualTo(1);
		JsonNode hit = result.path("hits").get(0);
		assertThat(hit.path("title").asText()).isEqualTo("Diplomatic Efforts Stall as Ukraine Peace Talks Remain Elusive");
		assertThat(hit.path("url").asText()).startsWith(site.baseUrl() + FixtureSite.ARTICLE_PATH);
		assertThat(hit.path("source").asText()).isEqualTo("World Affairs Today");
		assertThat(hit.path("publishedAt").asText()).isEqualTo("2026-11-26T15:00:00Z");
		assertThat(hit.path("topics").valueStream().map(JsonNode::asText).toList()).contains("belt-and-road",
				"sanctions", "peace-talks");
		assertThat(hit.path("snippet").asText()).isNotBlank();
	}

	@Test
	void enrichedTextKeepsTheArticleAndDropsThePageClutter() {
		EnrichedArticle article = await("seed article enriched").atMost(PIPELINE_DEADLINE)
			.until(EndToEndIT::enrichedSeedArticle, Optional::isPresent)
			.orElseThrow();

		assertThat(article.extraction().status()).isEqualTo("ok");
		assertThat(article.canonicalUrl()).doesNotContain("utm_");
		assertThat(article.text()).contains("Russian President Vladimir Putin has demanded that Ukraine renounce")
			.contains("China’s Belt and Road Initiative (BRI) is poised to play a major role")
			.contains("Circumventing Sanctions");
		assertThat(CLUTTER).allSatisfy(clutter -> assertThat(article.text()).doesNotContain(clutter));
		assertThat(article.topics()).extracting(TopicMatch::id).contains("belt-and-road", "sanctions", "peace-talks");
		assertThat(article.language()).isEqualTo("en");
	}

	@Test
	void everyServiceReportsHealthWithItsInfrastructureAndExposesMetrics() throws Exception {
		for (ServiceProcess service : services) {
			JsonNode health = EventSerde.mapper().readTree(service.get("/actuator/health").body());
			assertThat(health.path("status").asText()).as(service.toString()).isEqualTo("UP");
			assertThat(health.path("components").path("kafka").path("status").asText()).as(service.toString())
				.isEqualTo("UP");
			HttpResponse<String> metrics = service.get("/actuator/prometheus");
			assertThat(metrics.statusCode()).as(service.toString()).isEqualTo(200);
			assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		}
		JsonNode searchHealth = EventSerde.mapper().readTree(search.get("/actuator/health").body());
		assertThat(searchHealth.path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
	}

	@Test
	void beltAndRoadRuleFiresOnceAlthoughTheSeedArticleIsDeliveredTwiceAcrossARestart() throws Exception {
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(search.uri("/api/rules"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Belt and Road\",\"query\":\"\\\"Belt and Road\\\"\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String ruleId = EventSerde.mapper().readTree(created.body()).path("id").asText();
		EnrichedArticle seed = await("seed article enriched").atMost(PIPELINE_DEADLINE)
			.until(EndToEndIT::enrichedSeedArticle, Optional::isPresent)
			.orElseThrow();

		// delivered again while the rule exists: whichever delivery is evaluated first fires
		redeliver(seed);
		await("Belt and Road alert").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> alerts(ruleId).size() == 1);

		restartSearch();
		Instant restarted = Instant.now();
		redeliver(seed);
		await("seed article indexed again after the restart").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> indexedAt(seed.articleId()).isAfter(restarted));
		Thread.sleep(3000);

		JsonNode alerts = alerts(ruleId);
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("articleId").asText()).isEqualTo(seed.articleId());
		assertThat(alerts.get(0).path("ruleName").asText()).isEqualTo("Belt and Road");
		assertThat(alertRecordsOnKafka(ruleId)).isEqualTo(1);
	}

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static void redeliver(EnrichedArticle article) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.ENRICHED, article.articleId(), EventSerde.toJson(article)))
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static void restartSearch() throws Exception {
		int index = services.indexOf(search);
		search.close();
		ServiceProcess restarted = ServiceProcess.start("search-service", searchPort, searchEnvironment);
		services.set(index, restarted);
		search = restarted;
		await(search + " healthy after restart").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(search::healthy);
		// warm the fresh JVM up, so that later requests with short timeouts do not meet a cold one
		for (int i = 0; i < 5; i++) {
			search.get("/actuator/health");
			search.get("/api/articles?q=warm");
		}
	}

	private static JsonNode alerts(String ruleId) throws IOException, InterruptedException {
		HttpResponse<String> response = search.get("/api/rules/" + ruleId + "/alerts");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return EventSerde.mapper().readTree(response.body()).path("alerts");
	}

	private static Instant indexedAt(String articleId) throws IOException, InterruptedException {
		HttpResponse<String> response = search.get("/api/articles/" + articleId);
		return response.statusCode() == 200
				? Instant.parse(EventSerde.mapper().readTree(response.body()).path("indexedAt").asText()) : Instant.EPOCH;
	}

	private static int alertRecordsOnKafka(String ruleId) {
		try (TopicReader alerts = new TopicReader(Stack.get().kafkaBootstrapServers(), Topics.ALERTS)) {
			return (int) alerts.readToEnd().stream().filter(record -> ruleId.equals(record.key())).count();
		}
	}

	private static JsonNode search(String query) throws IOException, InterruptedException {
		HttpResponse<String> response = search
			.get("/api/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
		return response.statusCode() == 200 ? EventSerde.mapper().readTree(response.body()) : null;
	}

	private static Optional<EnrichedArticle> enrichedSeedArticle() {
		try (TopicReader enriched = new TopicReader(Stack.get().kafkaBootstrapServers(), Topics.ENRICHED)) {
			return enriched.readToEnd()
				.stream()
				.map(record -> EventSerde.fromJson(record.value(), EnrichedArticle.class))
				.filter(article -> article.url().contains(FixtureSite.ARTICLE_PATH))
				.findFirst();
		}
	}

	private static Map<String, String> with(Map<String, String> common, Map<String, String> specific) {
		Map<String, String> all = new java.util.HashMap<>(common);
		all.putAll(specific);
		return all;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
