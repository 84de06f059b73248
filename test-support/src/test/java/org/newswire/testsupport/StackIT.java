package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@NewswireStack
class StackIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void publishesTheAddressesAsSpringProperties() {
		assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(Stack.get().kafkaBootstrapServers());
		assertThat(System.getProperty("newswire.search.elasticsearch.uris"))
			.isEqualTo(Stack.get().elasticsearchUri().toString())
			.startsWith("http://");
	}

	@Test
	void deliversAProducedRecordToAConsumer() throws Exception {
		String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
		String topic = "stack-it-" + UUID.randomUUID();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "article-1", "{\"title\":\"hello\"}")).get();
		}

		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "stack-it",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			}
		}

		assertThat(received).singleElement().satisfies(record -> {
			assertThat(record.key()).isEqualTo("article-1");
			assertThat(record.value()).isEqualTo("{\"title\":\"hello\"}");
		});
	}

	@Test
	void reportsAHealthyCluster() throws Exception {
		HttpResponse<String> health = get("/_cluster/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");
	}

	@Test
	void indexesAndFindsADocument() throws Exception {
		String index = "stack-it-" + UUID.randomUUID();
		HttpResponse<String> indexed = send("PUT", "/" + index + "/_doc/article-1?refresh=true",
				"{\"title\":\"Belt and Road talks resume\",\"source\":\"example\"}");
		assertThat(indexed.statusCode()).isEqualTo(201);

		HttpResponse<String> found = send("POST", "/" + index + "/_search",
				"{\"query\":{\"match\":{\"title\":\"road\"}},\"highlight\":{\"fields\":{\"title\":{}}}}");

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"total\":{\"value\":1")
			.contains("\"_id\":\"article-1\"")
			.contains("<em>Road</em>");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create(System.getProperty("newswire.search.elasticsearch.uris") + path);
	}

}
