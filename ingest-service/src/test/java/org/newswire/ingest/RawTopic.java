package org.newswire.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newswire.events.EventDeserializer;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;

/** Reads {@code news.raw} as a downstream service would, between two sets of offsets. */
final class RawTopic implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final KafkaConsumer<String, RawArticle> consumer;

	private final List<TopicPartition> partitions;

	RawTopic(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer = new KafkaConsumer<>(config, new StringDeserializer(), new EventDeserializer<>(RawArticle.class));
		partitions = consumer.partitionsFor(Topics.RAW, TIMEOUT)
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
	}

	/** Where the topic ends now: everything acknowledged so far is before these offsets. */
	Map<TopicPartition, Long> end() {
		return consumer.endOffsets(partitions, TIMEOUT);
	}

	/** Every record after {@code from}, up to the current end. */
	List<ConsumerRecord<String, RawArticle>> since(Map<TopicPartition, Long> from) {
		Map<TopicPartition, Long> end = end();
		from.forEach(consumer::seek);
		List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!reached(end)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("could not read " + Topics.RAW + " up to " + end);
			}
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		records.removeIf(record -> record.offset() >= end.get(new TopicPartition(record.topic(), record.partition())));
		return records;
	}

	private boolean reached(Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
	}

	@Override
	public void close() {
		consumer.close();
	}

}
