package org.newswire.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EntityMention;
import org.newswire.events.EventSerde;
import org.newswire.events.Extraction;
import org.newswire.events.Topics;
import org.newswire.events.TopicMatch;
import org.newswire.testsupport.NewswireStack;
import org.newswire.testsupport.Stack;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running service on the shared test stack, with what its tests do from outside: publish to
 * {@code news.enriched} and call the HTTP API. Every IT of this module extends it unchanged, so they
 * share one application context (one consumer in the group).
 */
@NewswireStack
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "newswire.kafka.retry.initial-interval=200ms", "newswire.kafka.retry.max-retries=2",
				"spring.kafka.consumer.group-id=search-service-it", "newswire.search.index.retry-max-interval=1s",
				"newswire.search.alerts.webhook.fetch.allowed-hosts=127.0.0.1,localhost",
				"newswire.search.alerts.webhook.initial-backoff=100ms", "newswire.search.alerts.webhook.attempts=2" })
public abstract class RunningSearchService {

	private static KafkaProducer<String, byte[]> producer;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close(Duration.ofSeconds(5));
			producer = null;
		}
	}

	/** A word no other test uses, to tell this test's articles apart in the shared index. */
	protected static String uniqueWord() {
		return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	protected static EnrichedArticle article(String id, int revision, String title, String text, Instant publishedAt,
			String... topics) {
		List<TopicMatch> matches = java.util.Arrays.stream(topics)
			.map(topic -> new TopicMatch(topic, topic, 1.0, List.of(new TopicMatch.Evidence(topic, 1, "body"))))
			.toList();
		return new EnrichedArticle(EnrichedArticle.SCHEMA, id, "https://news.example/" + id,
				"https://news.example/" + id, "feed-it", "https://news.example/feed", "Example Wire", id, title,
				"Summary of " + title, publishedAt, publishedAt.plusSeconds(60), List.of("Reporter"), List.of("World"),
				"en", revision, text, Extraction.ok("test"), matches,
				List.of(new EntityMention("beijing", "Beijing", EntityMention.PLACE, 1)), text.split(" ").length,
				"fp-" + id, publishedAt.plusSeconds(120), "News Example", "https://news.example/img/" + id + ".jpg",
				0.97);
	}

	/** Sends to partition 0 and waits for the ack, so records sent one after another are read in order. */
	protected static void publish(String key, byte[] value) {
		try {
			producer().send(new ProducerRecord<>(Topics.ENRICHED, 0, key, value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + key, ex);
		}
	}

	protected static void publish(EnrichedArticle... articles) {
		for (EnrichedArticle article : articles) {
			publish(article.articleId(), EventSerde.toJson(article));
		}
	}

	/** Sends many without waiting for each ack, then waits for all. */
	protected static void publishAll(List<EnrichedArticle> articles) {
		List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
		for (EnrichedArticle article : articles) {
			sends.add(producer().send(new ProducerRecord<>(Topics.ENRICHED, 0, article.articleId(), EventSerde.toJson(article))));
		}
		try {
			for (java.util.concurrent.Future<?> send : sends) {
				send.get(60, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + articles.size() + " articles", ex);
		}
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					Stack.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
					new ByteArraySerializer());
		}
		return producer;
	}

	/** {@code GET /api/articles} with the given parameters, e.g. {@code "q", "sanctions", "topic", "x"}. */
	protected Answer search(String... parameters) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < parameters.length; i += 2) {
			query.append(i == 0 ? "?" : "&")
				.append(parameters[i])
				.append('=')
				.append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
		}
		return get("/api/articles" + query);
	}

	protected Answer get(String path) {
		return send("GET", path, null);
	}

	protected Answer post(String path, String json) {
		return send("POST", path, json);
	}

	protected Answer put(String path, String json) {
		return send("PUT", path, json);
	}

	protected Answer delete(String path) {
		return send("DELETE", path, null);
	}

	protected Answer send(String method, String path, String json) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.timeout(Duration.ofSeconds(60))
						.header("Content-Type", "application/json")
						.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
								: HttpRequest.BodyPublishers.ofString(json))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response.headers().map());
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	protected record Answer(int status, String body, Map<String, List<String>> headers) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public JsonNode json() {
			return EventSerde.mapper().readTree(this.body);
		}

		public long total() {
			return json().get("total").asLong();
		}

		public List<String> ids() {
			return json().get("hits").valueStream().map(hit -> hit.get("id").asString()).toList();
		}

	}

}
