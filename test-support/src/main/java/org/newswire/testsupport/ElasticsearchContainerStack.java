package org.newswire.testsupport;

import java.net.URI;

import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.utility.DockerImageName;

/** The official Elasticsearch image in Docker, security off; Testcontainers' Ryuk removes it if this JVM dies. */
final class ElasticsearchContainerStack implements ElasticsearchStack {

	/** Same version as the embedded node; override with {@code -Dnewswire.stack.elasticsearch-image=...}. */
	static final String IMAGE = System.getProperty("newswire.stack.elasticsearch-image",
			"docker.elastic.co/elasticsearch/elasticsearch:" + StackVersions.ELASTICSEARCH);

	private final ElasticsearchContainer container;

	private ElasticsearchContainerStack(ElasticsearchContainer container) {
		this.container = container;
	}

	static ElasticsearchContainerStack start() {
		ElasticsearchContainer container = new ElasticsearchContainer(DockerImageName.parse(IMAGE))
			.withEnv("xpack.security.enabled", "false")
			.withEnv("ES_JAVA_OPTS", "-Xms" + ElasticsearchNode.HEAP + " -Xmx" + ElasticsearchNode.HEAP);
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot start " + IMAGE + " in Docker (newswire.stack=containers): " + ex.getMessage()
					+ ". Without a Docker engine use -Dnewswire.stack=embedded (or auto)", ex);
		}
		return new ElasticsearchContainerStack(container);
	}

	@Override
	public URI uri() {
		return URI.create("http://" + this.container.getHttpHostAddress());
	}

	@Override
	public void stop() {
		this.container.stop();
	}

}
