package org.newswire.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventSerde;
import org.newswire.events.TopicMatch;
import org.newswire.events.Topics;
import org.newswire.testsupport.NewswireStack;
import org.newswire.testsupport.Stack;
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

	@BeforeAll
	static void startSiteAndServices() throws Exception {
		site = FixtureSite.start();
		Stack stack = Stack.get();
		Map<String, String> common = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
				"NEWSWIRE_KAFKA_RETRY_MAXRETRIES", "2");
		services.add(ServiceProcess.start("search-service", freePort(),
				with(common, Map.of("NEWSWIRE_SEARCH_ELASTICSEARCH_URIS", stack.elasticsearchUri().toString()))));
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

	private static JsonNode search(String query) throws IOException, InterruptedException {
		HttpResponse<String> response = search
			.get("/api/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
		return response.statusCode() == 200 ? EventSerde.mapper().readTree(response.body()) : null;
	}

	private static Optional<EnrichedArticle> enrichedSeedArticle() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrapServers());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED)
				.stream()
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < until) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					EnrichedArticle article = EventSerde.fromJson(record.value(), EnrichedArticle.class);
					if (article.url().contains(FixtureSite.ARTICLE_PATH)) {
						return Optional.of(article);
					}
				}
			}
		}
		return Optional.empty();
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
