package org.newswire.search.alert;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Component;

/**
 * Rules in their Elasticsearch index (they survive restarts and are shared by every instance). The
 * evaluator reads them through a short-lived cache; writes from this instance clear it.
 */
@Component
class RuleStore {

	private final ElasticsearchClient client;

	private final AlertProperties properties;

	private volatile List<Rule> cached;

	private volatile Instant cachedAt = Instant.EPOCH;

	RuleStore(ElasticsearchClient client, AlertProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	List<Rule> all() throws IOException {
		List<Rule> rules = this.client
			.search(s -> s.index(this.properties.rulesIndex())
				.size(this.properties.maxRules())
				.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc))), Rule.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::source)
			.toList();
		this.cached = rules;
		this.cachedAt = Instant.now();
		return rules;
	}

	/** All rules, re-read at most every {@code rule-cache-ttl}. */
	List<Rule> forEvaluation() throws IOException {
		List<Rule> rules = this.cached;
		if (rules != null && this.cachedAt.plus(this.properties.ruleCacheTtl()).isAfter(Instant.now())) {
			return rules;
		}
		return all();
	}

	long count() throws IOException {
		return this.client.count(c -> c.index(this.properties.rulesIndex())).count();
	}

	Optional<Rule> get(String id) throws IOException {
		GetResponse<Rule> response = this.client.get(g -> g.index(this.properties.rulesIndex()).id(id), Rule.class);
		return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
	}

	void save(Rule rule) throws IOException {
		this.client.index(i -> i.index(this.properties.rulesIndex()).id(rule.id()).document(rule).refresh(Refresh.True));
		this.cached = null;
	}

	boolean delete(String id) throws IOException {
		boolean found = this.client.delete(d -> d.index(this.properties.rulesIndex()).id(id).refresh(Refresh.True))
			.result()
			.jsonValue()
			.equals("deleted");
		this.cached = null;
		return found;
	}

	/**
	 * Changes a stored rule with read-then-write; a rule deleted meanwhile stays deleted. Used for the
	 * state the service keeps on rules (webhook status, threshold crossing).
	 */
	void change(String id, UnaryOperator<Rule> change) throws IOException {
		Optional<Rule> rule = get(id);
		if (rule.isPresent()) {
			Rule changed = change.apply(rule.get());
			this.client.index(i -> i.index(this.properties.rulesIndex()).id(id).document(changed));
			List<Rule> rules = this.cached;
			if (rules != null) {
				this.cached = rules.stream().map(r -> r.id().equals(id) ? changed : r).toList();
			}
		}
	}

}
