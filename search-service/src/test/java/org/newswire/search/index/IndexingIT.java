package org.newswire.search.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventSerde;
import org.newswire.events.Topics;
import org.newswire.search.RunningSearchService;
import org.newswire.testsupport.Stack;
import org.newswire.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class IndexingIT extends RunningSearchService {

	private static final Instant PUBLISHED = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	ElasticsearchClient client;

	@Autowired
	NewsIndexLayout layout;

	@Test
	void indexesEnrichedArticlesSoTheyAreSearchable() {
		String word = uniqueWord();
		publish(article(word + "-a", 1, "Ports and railways", "The " + word + " corridor opened", PUBLISHED, word),
				article(word + "-b", 1, "Ministers meet", "Talks on the " + word + " corridor", PUBLISHED, word));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("q", word).ids()).containsExactlyInAnyOrder(word + "-a", word + "-b"));
	}

	@Test
	void indexesSameArticleTwiceAsOneDocument() {
		String word = uniqueWord();
		EnrichedArticle article = article(word, 1, "Once only", "Delivered twice " + word, PUBLISHED, word);
		publish(article, article, article(word + "-marker", 1, "Marker", "After " + word, PUBLISHED, word));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).contains(word + "-marker"));
		Answer answer = search("topic", word);
		assertThat(answer.total()).isEqualTo(2);
		assertThat(answer.ids()).containsExactlyInAnyOrder(word, word + "-marker");
	}

	@Test
	void keepsNewerRevisionWhenAnOlderOneArrivesLater() {
		String word = uniqueWord();
		publish(article(word, 2, "Second revision", "Updated " + word, PUBLISHED, word));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word));

		publish(article(word, 1, "First revision", "Original " + word, PUBLISHED, word),
				article(word + "-marker", 1, "Marker", "After " + word, PUBLISHED, word));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).contains(word + "-marker"));
		assertThat(titles(search("topic", word))).containsExactlyInAnyOrder("Second revision", "Marker");
	}

	@Test
	void replacesAnArticleWithItsNewerRevision() {
		String word = uniqueWord();
		publish(article(word, 1, "First revision", "Original " + word, PUBLISHED, word),
				article(word, 3, "Third revision", "Updated " + word, PUBLISHED, word));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(titles(search("topic", word))).containsExactly("Third revision"));
	}

	@Test
	void sendsUnreadableRecordsToDeadLetterTopicAndIndexesTheNext() {
		String word = uniqueWord();
		byte[] badJson = "{ not json".getBytes(StandardCharsets.UTF_8);
		byte[] unknownSchema = new String(EventSerde.toJson(article(word + "-future", 1, "From the future", "x",
				PUBLISHED, word)), StandardCharsets.UTF_8)
			.replace("\"schema\":1", "\"schema\":99")
			.getBytes(StandardCharsets.UTF_8);
		publish(word + "-bad-json", badJson);
		publish(word + "-future", unknownSchema);
		publish(article(word + "-good", 1, "Good", "Readable " + word, PUBLISHED, word));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word + "-good"));
		Map<String, ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(word + "-bad-json", word + "-future");
		assertThat(dead.get(word + "-bad-json").value()).isEqualTo(badJson);
		assertThat(dead.get(word + "-future").value()).isEqualTo(unknownSchema);
		for (ConsumerRecord<String, byte[]> record : dead.values()) {
			assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ENRICHED);
			assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
		}
		// spring-kafka reports deserialization failures as "failed to deserialize"; the reason is the cause
		assertThat(header(dead.get(word + "-future"), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
			.contains("EnrichedArticle has schema 99");
		assertThat(header(dead.get(word + "-bad-json"), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
			.contains("EnrichedArticle is not valid JSON");
	}

	@Test
	void sendsArticleThatCannotBeIndexedToDeadLetterTopicAndIndexesTheNext() {
		String word = uniqueWord();
		publish(article(word + "-negative", -1, "Bad revision", "Refused " + word, PUBLISHED, word),
				article(word + "-good", 1, "Good", "Accepted " + word, PUBLISHED, word));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word + "-good"));
		ConsumerRecord<String, byte[]> dead = awaitDeadLetters(word + "-negative").get(word + "-negative");
		assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("negative revision");
	}

	@Test
	void indexesSiteNameLeadImageAndLanguageConfidenceAndReturnsThemWithTheArticle() throws Exception {
		String word = uniqueWord();
		publish(article(word, 1, "Harbour reopens", "Ships are back " + word, PUBLISHED, word));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word));

		this.client.indices().refresh(r -> r.index("news"));
		assertThat(this.client.count(c -> c.index("news")
			.query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("topics").value(word)))
				.filter(f -> f.term(t -> t.field("siteName").value("News Example")))
				.filter(f -> f.range(r -> r.number(n -> n.field("languageConfidence").gte(0.95))))
				.filter(f -> f.exists(e -> e.field("leadImage"))))))
			.count()).isEqualTo(1);
		Answer article = get("/api/articles/" + word);
		assertThat(article.status()).isEqualTo(200);
		assertThat(article.json().get("siteName").asString()).isEqualTo("News Example");
		assertThat(article.json().get("leadImage").asString()).isEqualTo("https://news.example/img/" + word + ".jpg");
		assertThat(article.json().get("languageConfidence").asDouble()).isEqualTo(0.97, within(1e-6));
	}

	@Test
	void addsFieldsTheMappingGainedToAnIndexCreatedBeforeThem() throws Exception {
		String alias = uniqueWord();
		Set<String> added = Set.of("siteName", "leadImage", "languageConfidence");
		TypeMapping full = NewsIndexLayout.mapping();
		Map<String, Property> before = full.properties()
			.entrySet()
			.stream()
			.filter(e -> !added.contains(e.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		this.client.indices()
			.create(c -> c.index(alias + "-v1")
				.mappings(m -> m.dynamic(full.dynamic()).properties(before))
				.aliases(alias, a -> a.isWriteIndex(true)));
		IndexProperties properties = new IndexProperties(alias, alias + "-v1", 1, 0, DataSize.ofBytes(32766),
				Duration.ofSeconds(30), Duration.ofSeconds(1));

		new NewsIndexLayout(this.client, properties).apply();

		Map<String, Property> mapped = this.client.indices()
			.getMapping(m -> m.index(alias + "-v1"))
			.result()
			.get(alias + "-v1")
			.mappings()
			.properties();
		assertThat(mapped).containsKeys("siteName", "leadImage", "languageConfidence", "title");
		assertThat(mapped.get("languageConfidence").isFloat()).isTrue();
		assertThat(writeIndices(alias)).containsExactly(alias + "-v1");
	}

	@Test
	void appliesTheIndexLayoutIdempotently() throws Exception {
		String word = uniqueWord();
		publish(article(word, 1, "Before", "Indexed before the layout is applied again " + word, PUBLISHED, word));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word));

		this.layout.apply();
		this.layout.apply();

		assertThat(writeIndices("news")).containsExactly("news-v1");
		assertThat(search("topic", word).ids()).containsExactly(word);
	}

	@Test
	void createsTheLayoutOnceWhenTwoInstancesStartAtOnce() throws Exception {
		String alias = uniqueWord();
		IndexProperties properties = new IndexProperties(alias, alias + "-v1", 1, 0, DataSize.ofBytes(32766),
				Duration.ofSeconds(30), Duration.ofSeconds(1));
		List<CompletableFuture<Void>> instances = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			NewsIndexLayout instance = new NewsIndexLayout(this.client, properties);
			instances.add(CompletableFuture.runAsync(instance::start));
		}
		CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();

		assertThat(writeIndices(alias)).containsExactly(alias + "-v1");
		assertThat(this.client.indices().existsIndexTemplate(t -> t.name(alias)).value()).isTrue();
	}

	@Test
	void holdsTheOffsetWhileElasticsearchRefusesWritesAndIndexesOnceItAccepts() throws Exception {
		String word = uniqueWord();
		String index = writeIndices("news").iterator().next();
		// this block makes every write answer 429, as Elasticsearch does when its disk fills up
		blockWrites(index, true);
		try {
			publish(article(word, 1, "Held", "Waiting for Elasticsearch " + word, PUBLISHED, word));
			// far beyond the shared handler's 2 retries at 200 ms, after which it would dead-letter
			Thread.sleep(6000);
			assertThat(search("topic", word).total()).isZero();
		}
		finally {
			blockWrites(index, false);
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word));
		assertThat(deadLetterKeys()).doesNotContain(word);
	}

	@Test
	void migratesToANewIndexVersionByReplayingTheTopicAndMovingTheAlias() throws Exception {
		String word = uniqueWord();
		publish(article(word, 1, "Before the move", "Replayed " + word, PUBLISHED, word));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("topic", word).ids()).containsExactly(word));
		String alias = uniqueWord();
		IndexProperties properties = new IndexProperties(alias, alias + "-v1", 1, 0, DataSize.ofBytes(32766),
				Duration.ofSeconds(30), Duration.ofSeconds(1));
		new NewsIndexLayout(this.client, properties).apply();
		IndexMigration migration = new IndexMigration(this.client, properties,
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrapServers()));

		IndexMigration.Result result = migration.migrate(alias + "-v2");

		assertThat(result.from()).isEqualTo(alias + "-v1");
		assertThat(result.indexed()).isPositive();
		assertThat(writeIndices(alias)).containsExactly(alias + "-v2");
		this.client.indices().refresh(r -> r.index(alias));
		assertThat(this.client.count(c -> c.index(alias).query(q -> q.term(t -> t.field("topics").value(word))))
			.count()).isEqualTo(1);
		assertThat(this.client.indices().getMapping(m -> m.index(alias + "-v2")).result().get(alias + "-v2")
			.mappings().properties()).containsKey("indexedAt");
	}

	private void blockWrites(String index, boolean block) throws Exception {
		this.client.indices()
			.putSettings(s -> s.index(index).settings(i -> i.blocks(b -> b.readOnlyAllowDelete(block))));
	}

	private static Set<String> deadLetterKeys() {
		try (TopicReader deadLetters = new TopicReader(Stack.get().kafkaBootstrapServers(),
				Topics.deadLetter(Topics.ENRICHED))) {
			Set<String> keys = new java.util.HashSet<>();
			deadLetters.readToEnd().forEach(record -> keys.add(record.key()));
			return keys;
		}
	}

	private Set<String> writeIndices(String alias) throws Exception {
		Map<String, IndexAliases> aliases = this.client.indices().getAlias(a -> a.name(alias)).result();
		return aliases.entrySet()
			.stream()
			.filter(e -> Boolean.TRUE.equals(e.getValue().aliases().get(alias).isWriteIndex()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	private static List<String> titles(Answer answer) {
		return answer.json().get("hits").valueStream().map(hit -> hit.get("title").asString()).toList();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(String... keys) {
		Map<String, ConsumerRecord<String, byte[]>> found = new java.util.HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(Topics.ENRICHED))
				.stream()
				.map(p -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				StreamSupport.stream(consumer.poll(Duration.ofMillis(500)).spliterator(), false)
					.filter(record -> Set.of(keys).contains(record.key()))
					.forEach(record -> found.put(record.key(), record));
				return found.keySet().containsAll(Set.of(keys));
			});
		}
		return found;
	}

}
