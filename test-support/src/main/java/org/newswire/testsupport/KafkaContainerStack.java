package org.newswire.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka in Docker ({@code apache/kafka}, KRaft); Testcontainers' Ryuk removes it if this JVM dies. */
final class KafkaContainerStack implements KafkaStack {

	/** Same version as the clients; override with {@code -Dnewswire.stack.kafka-image=...}. */
	static final String IMAGE = System.getProperty("newswire.stack.kafka-image", "apache/kafka:" + StackVersions.KAFKA);

	private final KafkaContainer container;

	private KafkaContainerStack(KafkaContainer container) {
		this.container = container;
	}

	static KafkaContainerStack start() {
		KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
			.withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
			.withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(EmbeddedKafka.DEFAULT_PARTITIONS))
			.withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot start " + IMAGE + " in Docker (newswire.stack=containers): " + ex.getMessage()
					+ ". Without a Docker engine use -Dnewswire.stack=embedded (or auto)", ex);
		}
		return new KafkaContainerStack(container);
	}

	@Override
	public String bootstrapServers() {
		return this.container.getBootstrapServers();
	}

	@Override
	public void stop() {
		this.container.stop();
	}

}
