package org.newswire.testsupport;

import java.net.URI;
import java.nio.file.Path;

/**
 * A running single-node Elasticsearch, security off: a child process of this JVM started from the
 * Maven Central distribution zip, or a Docker container.
 * Tests get the JVM-wide one through {@link NewswireStack} / {@link Stack}.
 */
public interface ElasticsearchStack extends AutoCloseable {

	/** The HTTP endpoint, e.g. {@code http://127.0.0.1:9200}. */
	URI uri();

	/** Stops the node, waits until its processes are gone and deletes its throw-away data; idempotent. */
	void stop();

	@Override
	default void close() {
		stop();
	}

	/** Starts a node on free ports with throw-away data. */
	static ElasticsearchStack embedded() {
		return ElasticsearchNode.start(new ElasticsearchNode.Options(0, null));
	}

	/**
	 * Starts a node with HTTP on {@code httpPort} (0: a free port) keeping its data in {@code dataDir}
	 * across restarts ({@code null}: throw-away data).
	 */
	static ElasticsearchStack embedded(int httpPort, Path dataDir) {
		return ElasticsearchNode.start(new ElasticsearchNode.Options(httpPort, dataDir));
	}

	/** Starts the official Elasticsearch image in Docker through Testcontainers. */
	static ElasticsearchStack container() {
		return ElasticsearchContainerStack.start();
	}

}
