package org.newswire.testsupport;

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

/**
 * Reads every partition of one topic from the beginning, without a consumer group, keeping what it
 * saw: what tests use to assert on the records a service wrote.
 */
public final class TopicReader implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<TopicPartition> partitions;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	public TopicReader(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
				new ByteArrayDeserializer());
		List<PartitionInfo> infos = until(() -> this.consumer.partitionsFor(topic, Duration.ofSeconds(5)),
				found -> found != null && !found.isEmpty(), "partitions of " + topic);
		this.partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/** Every record of the topic up to its end as of now (at most 60 s of reading). */
	public List<ConsumerRecord<String, byte[]>> readToEnd() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.partitions.stream().anyMatch(p -> this.consumer.position(p) < end.get(p))
				&& System.nanoTime() < deadline) {
			poll();
		}
		return List.copyOf(this.seen);
	}

	/** Waits (at most 60 s) for a record with this key and returns it. */
	public ConsumerRecord<String, byte[]> awaitKey(String key) {
		return awaitRecord(record -> key.equals(record.key()));
	}

	/** Waits (at most 60 s) until {@code count} records with this key were seen; returns them in topic order. */
	public List<ConsumerRecord<String, byte[]>> awaitKey(String key, int count) {
		return until(() -> {
			poll();
			return this.seen.stream().filter(record -> key.equals(record.key())).toList();
		}, records -> records.size() >= count, count + " records with key " + key);
	}

	/** Waits (at most 60 s) for a record that matches. */
	public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match) {
		return until(() -> {
			poll();
			return this.seen.stream().filter(match).findFirst().orElse(null);
		}, record -> record != null, "a matching record");
	}

	private void poll() {
		for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(500))) {
			this.seen.add(record);
		}
	}

	private static <T> T until(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		T value = read.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No " + what + " within " + WAIT.toSeconds() + " s");
			}
			value = read.get();
		}
		return value;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}
