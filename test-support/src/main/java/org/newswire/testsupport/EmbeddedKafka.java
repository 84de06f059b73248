package org.newswire.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.utils.Exit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A one-node KRaft broker (combined broker + controller) inside this JVM, data in a temp dir deleted on stop.
 * Brokers still running at JVM exit are stopped by one shutdown hook, after Spring's contexts closed.
 * Kafka's test kit registers a hook of its own (through {@link Exit}) that deletes the data folder; run
 * concurrently with the broker's shutdown it fills the log with storage errors, so this class collects
 * such hooks and runs them after the brokers stopped.
 */
final class EmbeddedKafka implements KafkaStack {

	private static final Set<EmbeddedKafka> running = ConcurrentHashMap.newKeySet();

	private static final List<Runnable> kafkaExitHooks = new CopyOnWriteArrayList<>();

	private static boolean exitHookInstalled;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

	static final int DEFAULT_PARTITIONS = 3;

	private final EmbeddedKafkaKraftBroker broker;

	private final String bootstrapServers;

	private boolean stopped;

	private final TcpForwarder forwarder;

	private EmbeddedKafka(EmbeddedKafkaKraftBroker broker, int port) {
		this.broker = broker;
		if (port > 0) {
			int brokerPort = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
			this.forwarder = TcpForwarder.start(port, brokerPort);
			this.bootstrapServers = "localhost:" + port;
		}
		else {
			this.forwarder = null;
			this.bootstrapServers = broker.getBrokersAsString();
		}
	}

	static EmbeddedKafka start(int port) {
		FreePorts.requireFree(port, "Kafka");
		installExitHook();
		long started = System.nanoTime();
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
		broker.brokerProperties(brokerProperties());
		// the broker would set spring.kafka.bootstrap-servers; that is the extension's job
		broker.brokerListProperty("newswire.stack.embedded-kafka.bootstrap-servers");
		broker.afterPropertiesSet();
		EmbeddedKafka kafka = new EmbeddedKafka(broker, port);
		running.add(kafka);
		log.info("Kafka {} (embedded KRaft) ready at {} in {} ms", StackVersions.KAFKA, kafka.bootstrapServers,
				(System.nanoTime() - started) / 1_000_000);
		return kafka;
	}

	/**
	 * Settings for a one-node test broker. Kafka's test kit binds the broker to a port of its own
	 * choosing whatever {@code listeners} says, so a fixed port is served by a {@link TcpForwarder}.
	 */
	static Map<String, String> brokerProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("auto.create.topics.enable", "true");
		properties.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("offsets.topic.replication.factor", "1");
		// 50 partitions by default: creating them makes the first consumer group wait seconds
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "5");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		return properties;
	}

	@Override
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		running.remove(this);
		if (this.forwarder != null) {
			this.forwarder.close();
		}
		this.broker.destroy();
		log.info("Kafka at {} stopped", this.bootstrapServers);
	}

	private static synchronized void installExitHook() {
		if (exitHookInstalled) {
			return;
		}
		exitHookInstalled = true;
		Exit.setShutdownHookAdder((name, hook) -> kafkaExitHooks.add(hook));
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stopAllAtExit, "newswire-kafka-shutdown"));
	}

	private static void stopAllAtExit() {
		SpringShutdownHooks.awaitCompletion(Stack.SPRING_SHUTDOWN_WAIT);
		for (EmbeddedKafka kafka : running) {
			try {
				kafka.stop();
			}
			catch (RuntimeException ex) {
				log.warn("Kafka at {} did not stop cleanly: {}", kafka.bootstrapServers, ex.toString());
			}
		}
		kafkaExitHooks.forEach(Runnable::run);
	}

}
