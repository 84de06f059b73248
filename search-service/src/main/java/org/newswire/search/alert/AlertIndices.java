package org.newswire.search.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import org.newswire.search.index.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates the rules, alerts and rule-evaluation batch indices at start-up when they are missing (idempotent, safe with
 * several instances), before the Kafka listener starts evaluating rules.
 */
@Component
class AlertIndices implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AlertIndices.class);

	private final ElasticsearchClient client;

	private final AlertProperties properties;

	private final Duration timeout;

	private volatile boolean running;

	AlertIndices(ElasticsearchClient client, AlertProperties properties, IndexProperties index) {
		this.client = client;
		this.properties = properties;
		this.timeout = index.startupTimeout();
	}

	@Override
	public void start() {
		Instant deadline = Instant.now().plus(this.timeout);
		while (true) {
			try {
				create(this.properties.rulesIndex(), "alert/rules-mapping.json");
				create(this.properties.alertsIndex(), "alert/alerts-mapping.json");
				this.running = true;
				return;
			}
			catch (IOException | ElasticsearchException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not create the rules and alerts indices: " + ex.getMessage(),
							ex);
				}
				log.warn("Elasticsearch not ready for the rules index ({}); retrying", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ie);
				}
			}
		}
	}

	private void create(String index, String mappingFile) throws IOException {
		if (this.client.indices().exists(e -> e.index(index)).value()) {
			return;
		}
		TypeMapping mapping;
		try (InputStream json = new ClassPathResource(mappingFile).getInputStream()) {
			mapping = TypeMapping.of(m -> m.withJson(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.client.indices()
				.create(c -> c.index(index)
					.settings(s -> s.numberOfShards("1").numberOfReplicas("0").autoExpandReplicas("0-1"))
					.mappings(mapping));
			log.info("Created index {}", index);
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
