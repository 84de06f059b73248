package org.newswire.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/** Reads every partition of one topic from the beginning, without a consumer group, keeping what it saw. */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	TopicReader(String bootstrapServers, String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
				new ByteArrayDeserializer());
		List<PartitionInfo> partitions = await().atMost(Duration.ofSeconds(60))
			.until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), p -> p != null && !p.isEmpty());
		List<TopicPartition> assigned = partitions.stream()
			.map(p -> new TopicPartition(topic, p.partition()))
			.toList();
		consumer.assign(assigned);
		consumer.seekToBeginning(assigned);
	}

	/** Waits (at most 60 s) for a record with this key and returns it. */
	ConsumerRecord<String, byte[]> awaitKey(String key) {
		return awaitRecord(record -> key.equals(record.key()));
	}

	/** Waits (at most 60 s) until {@code count} records with this key were seen; returns them in topic order. */
	List<ConsumerRecord<String, byte[]>> awaitKey(String key, int count) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				seen.add(record);
			}
			return seen.stream().filter(record -> key.equals(record.key())).toList();
		}, records -> records.size() >= count);
	}

	ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				seen.add(record);
			}
			return seen.stream().filter(match).findFirst().orElse(null);
		}, record -> record != null);
	}

	@Override
	public void close() {
		consumer.close(Duration.ofSeconds(5));
	}

}
