package org.newswire.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka and the one Elasticsearch of this JVM, each started on first use and gone when the JVM
 * exits. Embedded (Kafka in this JVM, Elasticsearch as a child process) or Testcontainers, as
 * {@code -Dnewswire.stack=auto|embedded|containers} says. Tests normally reach it through {@link NewswireStack}.
 */
public final class Stack {

	/** Set by {@link StackExtension} to the Kafka bootstrap servers before Spring starts. */
	public static final String KAFKA_PROPERTY = "spring.kafka.bootstrap-servers";

	/** Set by {@link StackExtension} to the Elasticsearch URI before Spring starts. */
	public static final String ELASTICSEARCH_PROPERTY = "newswire.search.elasticsearch.uris";

	private static final Logger log = LoggerFactory.getLogger(Stack.class);

	/** How long the shutdown hook lets Spring close its test contexts before it takes their Kafka away. */
	static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(20);

	private static Stack instance;

	private final StackMode mode;

	private final Started<KafkaStack> kafka;

	private final Started<ElasticsearchStack> elasticsearch;

	private Stack(StackMode mode) {
		this.mode = mode;
		this.kafka = new Started<>("Kafka",
				() -> (mode == StackMode.CONTAINERS) ? KafkaStack.container() : KafkaStack.embedded());
		this.elasticsearch = new Started<>("Elasticsearch",
				() -> (mode == StackMode.CONTAINERS) ? ElasticsearchStack.container() : ElasticsearchStack.embedded());
	}

	/** The stack of this JVM; nothing is started until it is asked for. */
	public static synchronized Stack get() {
		if (instance == null) {
			StackMode mode = StackMode.requested(System.getProperty(StackMode.PROPERTY), System.getenv(StackMode.ENVIRONMENT))
				.resolve(DockerProbe::dockerReachable);
			log.info("newswire stack: {} Kafka and Elasticsearch", mode.name().toLowerCase(java.util.Locale.ROOT));
			instance = new Stack(mode);
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stopAfterSpring, "newswire-stack-shutdown"));
		}
		return instance;
	}

	/** {@code host:port} of the broker, starting it on first call. */
	public String kafkaBootstrapServers() {
		return this.kafka.get().bootstrapServers();
	}

	/** {@code http://127.0.0.1:<port>} (or the container's address), starting the node on first call. */
	public URI elasticsearchUri() {
		return this.elasticsearch.get().uri();
	}

	StackMode mode() {
		return this.mode;
	}

	private void stopAfterSpring() {
		SpringShutdownHooks.awaitCompletion(SPRING_SHUTDOWN_WAIT);
		this.elasticsearch.stop();
		// an embedded broker stops itself at exit, after Spring too (see EmbeddedKafka)
		if (this.mode == StackMode.CONTAINERS) {
			this.kafka.stop();
		}
	}

	/** Started once on first use; a start that failed fails every later caller the same way, without a retry. */
	private static final class Started<T extends AutoCloseable> {

		private final String name;

		private final Supplier<T> starter;

		private T value;

		private RuntimeException failure;

		Started(String name, Supplier<T> starter) {
			this.name = name;
			this.starter = starter;
		}

		synchronized T get() {
			if (this.failure != null) {
				throw new IllegalStateException(this.name + " failed to start earlier in this JVM", this.failure);
			}
			if (this.value == null) {
				try {
					this.value = this.starter.get();
				}
				catch (RuntimeException ex) {
					this.failure = ex;
					throw ex;
				}
			}
			return this.value;
		}

		synchronized void stop() {
			if (this.value == null) {
				return;
			}
			try {
				this.value.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {} cleanly: {}", this.name, ex.toString());
			}
		}

	}

}
