package org.newswire.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts the index layout in place at start-up, before the Kafka listener starts: the index template
 * for {@code <alias>-*} (mapping in {@code index/news-mapping.json}), and, when the alias does not
 * exist yet, the versioned index with the alias as its write index, created in one request. Each
 * step is idempotent and safe when several instances start at once. An existing alias is left
 * where it points, so a move to a newer index is never undone by an instance with old settings;
 * fields the mapping has gained since its indices were created are added to them (put-mapping only
 * adds: a changed field needs a new index version and {@link IndexMigration}).
 */
@Component
public class NewsIndexLayout implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NewsIndexLayout.class);

	static final String MAPPING = "index/news-mapping.json";

	/** Raise when the template changes, so operators can see which layout a cluster has. */
	static final long TEMPLATE_VERSION = 2;

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	private volatile boolean running;

	NewsIndexLayout(ElasticsearchClient client, IndexProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/** Applies the template and makes sure the alias exists. */
	public void apply() throws IOException {
		putTemplate();
		ensureAlias();
		addNewFields();
	}

	private void putTemplate() throws IOException {
		TypeMapping mapping = mapping();
		this.client.indices()
			.putIndexTemplate(template -> template.name(this.properties.alias())
				.indexPatterns(this.properties.templatePattern())
				.priority(100L)
				.version(TEMPLATE_VERSION)
				.template(t -> t
					.settings(s -> s.numberOfShards(String.valueOf(this.properties.shards()))
						.numberOfReplicas(String.valueOf(this.properties.replicas())))
					.mappings(mapping)));
	}

	/** The articles mapping, also used by the rule-evaluation index. */
	public static TypeMapping mapping() {
		try (InputStream json = new ClassPathResource(MAPPING).getInputStream()) {
			return TypeMapping.of(m -> m.withJson(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + MAPPING, ex);
		}
	}

	private void ensureAlias() throws IOException {
		String alias = this.properties.alias();
		String name = this.properties.name();
		if (aliasTargets().isEmpty()) {
			try {
				this.client.indices().create(c -> c.index(name).aliases(alias, a -> a.isWriteIndex(true)));
				log.info("Created index {} behind alias {}", name, alias);
				return;
			}
			catch (ElasticsearchException ex) {
				if (!"resource_already_exists_exception".equals(ex.error().type())) {
					throw ex;
				}
			}
			// the index exists: another instance created it (with the alias), or it was made by hand
			if (aliasTargets().isEmpty()) {
				this.client.indices()
					.updateAliases(u -> u.actions(a -> a.add(add -> add.index(name).alias(alias).isWriteIndex(true))));
				log.info("Pointed alias {} at existing index {}", alias, name);
			}
		}
		Set<String> targets = aliasTargets();
		if (!targets.contains(name)) {
			log.warn("Alias {} points at {}, not at the configured {}; leaving it there", alias, targets, name);
		}
	}

	private void addNewFields() throws IOException {
		List<String> indices = List.copyOf(aliasTargets());
		if (indices.isEmpty()) {
			return;
		}
		TypeMapping mapping = mapping();
		try {
			this.client.indices()
				.putMapping(p -> p.index(indices).dynamic(mapping.dynamic()).properties(mapping.properties()));
		}
		catch (ElasticsearchException ex) {
			if (ex.status() != 400) {
				throw ex;
			}
			// an existing field changed type: not fixable in place; the index keeps working with its mapping
			log.warn("The mapping of {} cannot take {} as it is ({}); migrate to a new index version for it",
					indices, MAPPING, ex.getMessage());
		}
	}

	private Set<String> aliasTargets() throws IOException {
		String alias = this.properties.alias();
		if (!this.client.indices().existsAlias(a -> a.name(alias)).value()) {
			return Set.of();
		}
		return this.client.indices().getAlias(a -> a.name(alias)).result().keySet();
	}

	@Override
	public void start() {
		Instant deadline = Instant.now().plus(this.properties.startupTimeout());
		Duration pause = Duration.ofMillis(500);
		while (true) {
			try {
				apply();
				this.running = true;
				return;
			}
			catch (IOException | ElasticsearchException ex) {
				if (!transientFailure(ex) || Instant.now().plus(pause).isAfter(deadline)) {
					throw new IllegalStateException("Could not apply the Elasticsearch index layout for alias "
							+ this.properties.alias() + ": " + ex.getMessage(), ex);
				}
				log.warn("Elasticsearch not ready for the index layout ({}); retrying in {} ms", ex.getMessage(),
						pause.toMillis());
				sleep(pause);
				pause = min(pause.multipliedBy(2), Duration.ofSeconds(5));
			}
		}
	}

	private static boolean transientFailure(Exception ex) {
		return !(ex instanceof ElasticsearchException es) || es.status() == 429 || es.status() >= 500;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
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

	/** Before the Kafka listener containers, so nothing is indexed into a missing alias. */
	@Override
	public int getPhase() {
		return 0;
	}

}
