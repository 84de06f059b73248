package org.newswire.search.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventSerde;
import org.newswire.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the alias to a new index version without a reindex API (the trimmed Elasticsearch has none):
 * creates the target from the template, replays {@code news.enriched} into it with a consumer group of
 * its own ({@code search-migration-<target>}, so it resumes where it stopped if interrupted), switches
 * the alias atomically, then replays once more up to the end offsets seen after the switch, so that
 * what the live service wrote into the old index in the meantime is in the new one too. Writes use
 * the same external versioning as live indexing, so replaying twice, or alongside the live service,
 * is harmless. Records that cannot be read or indexed are counted and skipped: the live consumer has
 * already sent them to {@code news.enriched.dlt}.
 */
public class IndexMigration {

	private static final Logger log = LoggerFactory.getLogger(IndexMigration.class);

	private final ElasticsearchClient client;

	private final ArticleIndexer indexer;

	private final IndexProperties properties;

	private final Map<String, Object> consumerProperties;

	/** What one migration did. */
	public record Result(String from, String to, long indexed, long skipped) {
	}

	public IndexMigration(ElasticsearchClient client, IndexProperties properties, Map<String, Object> kafkaConsumer) {
		this.client = client;
		this.properties = properties;
		this.indexer = new ArticleIndexer(client, properties);
		this.consumerProperties = new HashMap<>(kafkaConsumer);
	}

	public Result migrate(String target) throws Exception {
		String alias = this.properties.alias();
		if (!target.startsWith(alias + "-")) {
			throw new IllegalArgumentException("The target index " + target + " must start with " + alias
					+ "- so that the index template applies to it");
		}
		NewsIndexLayout layout = new NewsIndexLayout(this.client, this.properties.withName(target));
		layout.apply();
		List<String> from = new ArrayList<>(this.client.indices().getAlias(a -> a.name(alias)).result().keySet());
		if (from.contains(target)) {
			throw new IllegalStateException("Alias " + alias + " already points at " + target);
		}
		createIfAbsent(target);
		long[] counts = new long[2];
		try (KafkaConsumer<String, byte[]> consumer = consumer(target)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED, Duration.ofSeconds(30))
				.stream()
				.map(p -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			replay(consumer, partitions, target, counts);
			this.client.indices().refresh(r -> r.index(target));
			this.client.indices().updateAliases(u -> {
				for (String old : from) {
					u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
				}
				return u.actions(a -> a.add(add -> add.index(target).alias(alias).isWriteIndex(true)));
			});
			log.info("Alias {} moved from {} to {}", alias, from, target);
			replay(consumer, partitions, target, counts);
		}
		log.info("Migration to {} done: {} articles indexed, {} skipped", target, counts[0], counts[1]);
		return new Result(String.join(",", from), target, counts[0], counts[1]);
	}

	private void createIfAbsent(String target) throws Exception {
		try {
			this.client.indices().create(c -> c.index(target));
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

	private KafkaConsumer<String, byte[]> consumer(String target) {
		Properties props = new Properties();
		props.putAll(this.consumerProperties);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "search-migration-" + target);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
		return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Reads every partition up to its end offset as of now, indexing into {@code target}. */
	private void replay(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, String target,
			long[] counts) throws InterruptedException {
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
			ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
			List<EnrichedArticle> articles = new ArrayList<>();
			for (ConsumerRecord<String, byte[]> record : records) {
				try {
					articles.add(EventSerde.fromJson(record.value(), EnrichedArticle.class));
				}
				catch (RuntimeException ex) {
					counts[1]++;
					log.warn("Skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
							ex.getMessage());
				}
			}
			indexAll(articles, target, counts);
			Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
			for (TopicPartition partition : records.partitions()) {
				done.put(partition, new OffsetAndMetadata(consumer.position(partition)));
			}
			consumer.commitSync(done);
		}
	}

	private void indexAll(List<EnrichedArticle> articles, String target, long[] counts) throws InterruptedException {
		List<EnrichedArticle> rest = articles;
		long pause = 500;
		while (!rest.isEmpty()) {
			try {
				this.indexer.index(rest, target);
				counts[0] += rest.size();
				return;
			}
			catch (IndexingRejectedException ex) {
				counts[0] += ex.position();
				counts[1]++;
				log.warn("Skipping article: {}", ex.getMessage());
				rest = rest.subList(ex.position() + 1, rest.size());
			}
			catch (IndexingRetryableException ex) {
				counts[0] += ex.position();
				rest = rest.subList(ex.position(), rest.size());
				log.warn("{}; retrying in {} ms", ex.getMessage(), pause);
				Thread.sleep(pause);
				pause = Math.min(pause * 2, this.properties.retryMaxInterval().toMillis());
			}
		}
	}

}
