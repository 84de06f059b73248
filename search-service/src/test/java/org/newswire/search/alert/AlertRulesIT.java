package org.newswire.search.alert;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newswire.events.Alert;
import org.newswire.events.EventSerde;
import org.newswire.events.Topics;
import org.newswire.search.RunningSearchService;
import org.newswire.testsupport.Stack;
import org.newswire.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertRulesIT extends RunningSearchService {

	private HttpServer webhook;

	@AfterEach
	void stopWebhook() {
		if (this.webhook != null) {
			this.webhook.stop(0);
		}
	}

	@Test
	void createsListsChangesAndDeletesRules() {
		String word = uniqueWord();
		Answer created = post("/api/rules", "{\"name\":\"Ports " + word + "\",\"query\":\"" + word + " port*\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith("/api/rules/" + id);
		assertThat(created.json().get("kind").asString()).isEqualTo("match");

		String secret = created.json().get("webhookSecret").asString();
		assertThat(secret).as("shown once, on creation").hasSize(48);
		assertThat(get("/api/rules").body()).contains(id).doesNotContain(secret);
		Answer changed = put("/api/rules/" + id, "{\"name\":\"Harbours " + word + "\",\"query\":\"" + word
				+ " harbour\",\"kind\":\"threshold\",\"threshold\":5,\"window\":\"2h\"}");
		assertThat(changed.status()).isEqualTo(200);
		JsonNode stored = get("/api/rules/" + id).json();
		assertThat(stored.get("name").asString()).isEqualTo("Harbours " + word);
		assertThat(stored.get("threshold").asInt()).isEqualTo(5);
		assertThat(get("/api/rules/" + id).body()).as("the secret is not shown again").doesNotContain(secret);
		assertThat(changed.body()).doesNotContain(secret);

		assertThat(delete("/api/rules/" + id).status()).isEqualTo(204);
		assertThat(get("/api/rules/" + id).status()).isEqualTo(404);
		assertThat(get("/api/rules/" + id + "/alerts").status()).isEqualTo(404);
	}

	@Test
	void refusesInvalidRulesWith400NamingTheProblem() {
		assertThat(refusal("{\"name\":\"x\",\"query\":\"(sanctions\"}")).contains("query is not valid");
		assertThat(refusal("{\"query\":\"sanctions\"}")).contains("name is required");
		assertThat(refusal("{\"name\":\"x\"}")).contains("query is required");
		assertThat(refusal("{\"name\":\"x\",\"query\":\"a\",\"kind\":\"threshold\",\"threshold\":3}"))
			.contains("window must be");
		assertThat(refusal("{\"name\":\"x\",\"query\":\"a\",\"kind\":\"threshold\",\"threshold\":0,\"window\":\"1h\"}"))
			.contains("threshold must be");
		assertThat(refusal("{\"name\":\"x\",\"query\":\"a\",\"kind\":\"sometimes\"}")).contains("kind must be");
		assertThat(refusal("{\"name\":\"x\",\"query\":\"a\",\"webhookUrl\":\"ftp://example.org/x\"}"))
			.contains("webhookUrl must be http or https");
		assertThat(refusal("{\"name\":\"x\",\"query\":\"a\",\"webhookUrl\":\"http://10.1.2.3/hook\"}"))
			.contains("must not point at a loopback, private or link-local address");
		assertThat(refusal("{\"name\":\"x\",\"query\":\"a\",\"webhookUrl\":\"http://169.254.169.254/\"}"))
			.contains("must not point at");
	}

	@Test
	void firesAMatchRuleOncePerArticleAlsoWhenTheArticleIsDeliveredAgain() throws Exception {
		String word = uniqueWord();
		String ruleId = createRule("{\"name\":\"Watch " + word + "\",\"query\":\"" + word + "\"}");
		Instant now = Instant.now();
		publish(article(word + "-a", 1, "First " + word, "Belt and Road " + word, now, "belt-and-road"));
		awaitAlerts(ruleId, 1);

		publish(article(word + "-a", 1, "First " + word, "Belt and Road " + word, now, "belt-and-road"),
				article(word + "-b", 1, "Second " + word, "More " + word, now, "sanctions"));
		awaitAlerts(ruleId, 2);
		Thread.sleep(1500);

		JsonNode alerts = get("/api/rules/" + ruleId + "/alerts").json().get("alerts");
		assertThat(alerts).hasSize(2);
		List<String> articleIds = alerts.valueStream().map(a -> a.get("articleId").asString()).toList();
		assertThat(articleIds).containsExactlyInAnyOrder(word + "-a", word + "-b");
		JsonNode first = alerts.valueStream().filter(a -> a.get("articleId").asString().endsWith("-a")).findFirst()
			.orElseThrow();
		assertThat(first.get("ruleName").asString()).isEqualTo("Watch " + word);
		assertThat(first.get("title").asString()).isEqualTo("First " + word);
		assertThat(first.get("url").asString()).isEqualTo("https://news.example/" + word + "-a");
		assertThat(first.get("source").asString()).isEqualTo("Example Wire");
		assertThat(first.get("topics").toString()).contains("belt-and-road");
		assertThat(first.get("evidence").toString()).contains("belt-and-road");
		assertThat(first.get("firedAt").asString()).isNotBlank();

		List<Alert> published = alertsOnKafka(ruleId, 2);
		assertThat(published).extracting(Alert::articleId).containsExactlyInAnyOrder(word + "-a", word + "-b");

		Answer atom = get("/api/rules/" + ruleId + "/alerts.atom");
		assertThat(atom.status()).isEqualTo(200);
		assertThat(atom.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(atom.body()).contains("<feed").contains("First " + word).contains("https://news.example/" + word + "-a");
	}

	@Test
	void firesAThresholdRuleOncePerCrossing() throws Exception {
		String word = uniqueWord();
		String ruleId = createRule("{\"name\":\"Surge " + word + "\",\"query\":\"" + word
				+ "\",\"kind\":\"threshold\",\"threshold\":3,\"window\":\"1h\"}");
		Instant now = Instant.now();
		publish(article(word + "-1", 1, "One", word, now, word), article(word + "-2", 1, "Two", word, now, word));
		await().atMost(Duration.ofSeconds(60)).until(() -> search("topic", word).total() == 2);
		Thread.sleep(500);
		assertThat(get("/api/rules/" + ruleId + "/alerts").json().get("alerts")).isEmpty();

		publish(article(word + "-3", 1, "Three", word, now, word));
		awaitAlerts(ruleId, 1);
		publish(article(word + "-4", 1, "Four", word, now, word), article(word + "-old", 1, "Old", word,
				now.minus(Duration.ofHours(3)), word));
		await().atMost(Duration.ofSeconds(60)).until(() -> search("topic", word).total() == 5);
		Thread.sleep(1500);

		JsonNode alerts = get("/api/rules/" + ruleId + "/alerts").json().get("alerts");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).get("articleId").asString()).isEqualTo(word + "-3");
		assertThat(get("/api/rules/" + ruleId).json().get("thresholdAbove").asBoolean()).isTrue();
	}

	@Test
	void previewsWhatADraftRuleWouldHaveMatchedInTheLastSevenDays() {
		String word = uniqueWord();
		Instant now = Instant.now();
		publish(article(word + "-recent", 1, "Recent", word, now.minus(Duration.ofDays(1)), word),
				article(word + "-old", 1, "Old", word, now.minus(Duration.ofDays(10)), word));
		await().atMost(Duration.ofSeconds(60)).until(() -> search("topic", word).total() == 2);

		Answer preview = post("/api/rules/preview", "{\"name\":\"Draft\",\"query\":\"" + word + "\"}");

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.total()).isEqualTo(1);
		assertThat(preview.ids()).containsExactly(word + "-recent");
		assertThat(post("/api/rules/preview", "{\"name\":\"Draft\",\"query\":\"" + word + " OR\"}").status())
			.isEqualTo(400);
	}

	@Test
	void postsSignedAlertsToTheWebhookAndShowsFailuresOnTheRule() throws Exception {
		List<String[]> received = new CopyOnWriteArrayList<>();
		this.webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.webhook.createContext("/ok", exchange -> {
			received.add(new String[] { exchange.getRequestHeaders().getFirst("X-Newswire-Signature"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) });
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.webhook.createContext("/broken", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		this.webhook.start();
		String base = "http://127.0.0.1:" + this.webhook.getAddress().getPort();
		String word = uniqueWord();
		Answer ok = post("/api/rules", "{\"name\":\"Hooked " + word + "\",\"query\":\"" + word + "\",\"webhookUrl\":\""
				+ base + "/ok\"}");
		String broken = createRule("{\"name\":\"Broken " + word + "\",\"query\":\"" + word + "\",\"webhookUrl\":\""
				+ base + "/broken\"}");

		publish(article(word, 1, "Hooked", word, Instant.now(), word));

		await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
		String secret = ok.json().get("webhookSecret").asString();
		String body = received.get(0)[1];
		assertThat(received.get(0)[0])
			.isEqualTo(WebhookDispatcher.signature(secret, body.getBytes(StandardCharsets.UTF_8)));
		Alert alert = EventSerde.fromJson(body.getBytes(StandardCharsets.UTF_8), Alert.class);
		assertThat(alert.articleId()).isEqualTo(word);
		assertThat(alert.ruleId()).isEqualTo(ok.json().get("id").asString());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/rules/" + broken).json().get("webhook").get("failures").asInt())
				.isEqualTo(1));
		JsonNode status = get("/api/rules/" + broken).json().get("webhook");
		assertThat(status.get("lastError").asString()).contains("500");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/rules/" + ok.json().get("id").asString()).json()
				.get("webhook").get("delivered").asInt()).isEqualTo(1));
		delete("/api/rules/" + broken);
	}

	private String refusal(String json) {
		Answer answer = post("/api/rules", json);
		assertThat(answer.status()).as(json).isEqualTo(400);
		return answer.json().get("message").asString();
	}

	private String createRule(String json) {
		Answer created = post("/api/rules", json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void awaitAlerts(String ruleId, int count) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> get("/api/rules/" + ruleId + "/alerts").json().get("alerts").size() >= count);
	}

	private static List<Alert> alertsOnKafka(String ruleId, int expected) throws IOException {
		List<Alert> found = new ArrayList<>();
		try (TopicReader alerts = new TopicReader(Stack.get().kafkaBootstrapServers(), Topics.ALERTS)) {
			for (ConsumerRecord<String, byte[]> record : alerts.readToEnd()) {
				if (ruleId.equals(record.key())) {
					found.add(EventSerde.fromJson(record.value(), Alert.class));
				}
			}
		}
		assertThat(found).hasSize(expected);
		return found;
	}

}
