package org.newswire.ingest.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every key of a topic from the beginning to the end offsets as of the start of the read, with a
 * group-less consumer (nothing committed, no rebalancing): all partitions assigned, sought to the start.
 */
class PublishedKeys implements KeySource {

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private final Duration timeout;

	PublishedKeys(Map<String, Object> consumerConfig, String topic, Duration timeout) {
		this.consumerConfig = Map.copyOf(consumerConfig);
		this.topic = topic;
		this.timeout = timeout;
	}

	@Override
	public void forEachKey(Consumer<String> sink) {
		Instant deadline = Instant.now().plus(timeout);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> partitionInfos = consumer.partitionsFor(topic, timeout);
			if (partitionInfos == null || partitionInfos.isEmpty()) {
				return; // the topic does not exist yet: nothing was ever published
			}
			List<TopicPartition> partitions = partitionInfos.stream()
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			while (!caughtUp(consumer, end)) {
				if (Instant.now().isAfter(deadline)) {
					throw new TimeoutException("reading the keys of " + topic + " took longer than " + timeout);
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.key() != null) {
						sink.accept(record.key());
					}
				}
			}
		}
	}

	private boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (consumer.position(partition.getKey(), timeout) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

}
