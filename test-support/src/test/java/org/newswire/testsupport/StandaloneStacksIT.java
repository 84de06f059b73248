package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.Test;

/** Stacks of their own, apart from the JVM-wide one: fixed ports and a full stop. */
class StandaloneStacksIT {

	@Test
	void stopEndsEveryProcessOfTheNodeAndDeletesItsFolder() {
		ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Options(0, null));
		List<ProcessHandle> processes = node.processTree();
		int port = node.uri().getPort();
		// watchdog shell, launcher JVM, server JVM
		assertThat(processes).hasSizeGreaterThanOrEqualTo(3).allMatch(ProcessHandle::isAlive);

		node.stop();

		assertThat(processes).noneMatch(ProcessHandle::isAlive);
		assertThat(Files.exists(node.instanceDir())).isFalse();
		assertThat(FreePorts.isFree(port)).isTrue();
	}

	@Test
	void servesKafkaOnARequestedPort() throws Exception {
		int port = FreePorts.find();
		try (KafkaStack kafka = KafkaStack.embedded(port)) {
			assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
			Map<String, Object> client = Map.of("bootstrap.servers", "localhost:" + port);
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>("fixed-port", "k", "hello")).get(30, TimeUnit.SECONDS);
			}
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(client, new StringDeserializer(),
					new StringDeserializer())) {
				List<TopicPartition> partitions = consumer.partitionsFor("fixed-port")
					.stream()
					.map(info -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				List<String> values = new ArrayList<>();
				long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (values.isEmpty() && System.nanoTime() < until) {
					consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
				}
				assertThat(values).containsExactly("hello");
			}
		}
		assertThat(FreePorts.isFree(port)).isTrue();
	}

}
