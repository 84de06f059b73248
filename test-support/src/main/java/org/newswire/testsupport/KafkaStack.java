package org.newswire.testsupport;

/**
 * A running Kafka broker: embedded in this JVM (KRaft) or in a Docker container.
 * Tests get the JVM-wide one through {@link NewswireStack} / {@link Stack}; these factories are for
 * the local run and for tests of the stack itself.
 */
public interface KafkaStack extends AutoCloseable {

	/** {@code host:port} for {@code bootstrap.servers}. */
	String bootstrapServers();

	/** Stops the broker and deletes its data; calling it twice is harmless. */
	void stop();

	@Override
	default void close() {
		stop();
	}

	/** Starts a single-node KRaft broker in this JVM on a free port. */
	static KafkaStack embedded() {
		return EmbeddedKafka.start(0);
	}

	/** Starts a single-node KRaft broker in this JVM on {@code port} (0: a free port). */
	static KafkaStack embedded(int port) {
		return EmbeddedKafka.start(port);
	}

	/** Starts {@code apache/kafka} in Docker through Testcontainers. */
	static KafkaStack container() {
		return KafkaContainerStack.start();
	}

}
