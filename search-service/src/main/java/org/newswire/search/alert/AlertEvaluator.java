package org.newswire.search.alert;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.json.JsonData;
import org.newswire.events.Alert;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.TopicMatch;
import org.newswire.search.index.IndexProperties;
import org.newswire.search.index.IndexedBatchObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Evaluates every rule against each batch just indexed, with a bounded number of requests whatever
 * the number of rules or articles: a refresh makes the just-indexed batch searchable, one
 * multi-search of named rule queries filtered to the batch's ids finds the matches, one more counts
 * the window of the threshold rules that matched, one bulk creates the alerts. New alerts are published to
 * {@code news.alerts} (acknowledged before the batch's offsets are committed) and handed to the
 * webhook dispatcher, which never holds up indexing.
 */
@Component
public class AlertEvaluator implements IndexedBatchObserver {

	private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

	private final ElasticsearchClient client;

	private final RuleStore rules;

	private final AlertStore alerts;

	private final AlertPublisher publisher;

	private final WebhookDispatcher webhooks;

	private final String alias;

	AlertEvaluator(ElasticsearchClient client, RuleStore rules, AlertStore alerts, AlertPublisher publisher,
			WebhookDispatcher webhooks, IndexProperties index, AlertProperties properties) {
		this.client = client;
		this.rules = rules;
		this.alerts = alerts;
		this.publisher = publisher;
		this.webhooks = webhooks;
		this.alias = index.alias();
	}

	@Override
	public void indexed(List<EnrichedArticle> articles) {
		try {
			List<Rule> all = this.rules.forEvaluation();
			if (all.isEmpty() || articles.isEmpty()) {
				return;
			}
			fire(evaluate(all, articles, Instant.now()), all);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Rule evaluation failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The alerts the rules raise for this batch (not yet stored). Public for the benchmark.
	 */
	public synchronized List<Alert> evaluate(List<Rule> all, List<EnrichedArticle> batch, Instant now) throws IOException {
		Map<String, EnrichedArticle> byId = new HashMap<>();
		for (EnrichedArticle article : batch) {
			byId.put(article.articleId(), article);
		}
		long started = System.nanoTime();
		List<String> batchIds = List.copyOf(byId.keySet());
		// the batch was just written: make it searchable, then match it where it lies (filtered to
		// its ids, the rule queries touch only these documents)
		this.client.indices().refresh(r -> r.index(this.alias));
		long refreshedAt = System.nanoTime();
		Map<String, List<String>> matched = new HashMap<>();
		MsearchResponse<JsonData> response = this.client.msearch(RuleMatchQuery.matches(all, batchIds, this.alias),
				JsonData.class);
		if (log.isDebugEnabled()) {
			log.debug("Rules x {} articles: refresh {} ms, multi-search of {} searches {} ms (Elasticsearch took {} ms)",
					batch.size(), (refreshedAt - started) / 1_000_000, response.responses().size(),
					(System.nanoTime() - refreshedAt) / 1_000_000, response.took());
		}
		for (MultiSearchResponseItem<JsonData> item : response.responses()) {
			if (item.isFailure()) {
				if (item.failure().status() == 429 || item.failure().status() >= 500) {
					throw new IOException("Rule matching failed: " + reason(item.failure().error()));
				}
				// a refusal that retrying cannot fix must not stop indexing: those rules miss this batch
				log.error("Rule matching refused for a group of rules, which miss this batch of {} articles: {}",
						batch.size(), reason(item.failure().error()));
				continue;
			}
			matched.putAll(RuleMatchQuery.matched(item.result()));
		}
		List<Alert> raised = new ArrayList<>();
		List<Rule> thresholds = new ArrayList<>();
		for (Rule rule : all) {
			List<String> ids = matched.get(rule.id());
			if (ids == null) {
				continue;
			}
			if (rule.isThreshold()) {
				thresholds.add(rule);
				continue;
			}
			for (String id : ids) {
				raised.add(alert(rule, byId.get(id), AlertStore.alertId(rule.id(), id), now));
			}
		}
		if (!thresholds.isEmpty()) {
			raised.addAll(crossings(thresholds, matched, byId, now));
		}
		return raised;
	}

	private List<Alert> crossings(List<Rule> thresholds, Map<String, List<String>> matched,
			Map<String, EnrichedArticle> byId, Instant now) throws IOException {
		List<Alert> raised = new ArrayList<>();
		this.client.indices().refresh(r -> r.index(this.alias));
		MsearchResponse<JsonData> counts = this.client.msearch(RuleMatchQuery.windowCounts(thresholds, this.alias, now),
				JsonData.class);
		for (int i = 0; i < thresholds.size(); i++) {
			Rule rule = thresholds.get(i);
			MultiSearchResponseItem<JsonData> item = counts.responses().get(i);
			if (item.isFailure()) {
				if (item.failure().status() == 429 || item.failure().status() >= 500) {
					throw new IOException("Threshold count failed for rule " + rule.id() + ": "
							+ reason(item.failure().error()));
				}
				log.error("Threshold count refused for rule {}: {}", rule.id(), reason(item.failure().error()));
				continue;
			}
			long count = item.result().hits().total().value();
			boolean above = count >= rule.threshold();
			if (above && !Boolean.TRUE.equals(rule.thresholdAbove())) {
				EnrichedArticle latest = matched.get(rule.id())
					.stream()
					.map(byId::get)
					.max(Comparator.comparing(a -> a.publishedAt() == null ? Instant.EPOCH : a.publishedAt()))
					.orElseThrow();
				long bucket = now.toEpochMilli() / rule.windowDuration().toMillis();
				raised.add(alert(rule, latest, AlertStore.alertId(rule.id(), "threshold:" + bucket), now));
				log.info("Rule {} ({}) crossed {} articles in {}: {}", rule.id(), rule.name(), rule.threshold(),
						rule.window(), count);
			}
			if (above != Boolean.TRUE.equals(rule.thresholdAbove())) {
				this.rules.change(rule.id(), r -> r.withThresholdAbove(above));
			}
		}
		return raised;
	}

	private void fire(List<Alert> raised, List<Rule> all) throws IOException {
		List<Alert> toPublish = this.alerts.createAbsent(raised);
		if (toPublish.isEmpty()) {
			return;
		}
		this.publisher.publish(toPublish);
		this.alerts.markPublished(toPublish);
		Map<String, Rule> byId = all.stream().collect(Collectors.toMap(Rule::id, Function.identity()));
		for (Alert alert : toPublish) {
			log.info("Rule {} ({}) fired for article {}", alert.ruleId(), alert.ruleName(), alert.articleId());
			Rule rule = byId.get(alert.ruleId());
			if (rule != null && rule.webhookUrl() != null) {
				this.webhooks.submit(rule, alert);
			}
		}
	}

	private static String reason(co.elastic.clients.elasticsearch._types.ErrorCause error) {
		StringBuilder reason = new StringBuilder(error.type() + ": " + error.reason());
		for (co.elastic.clients.elasticsearch._types.ErrorCause cause : error.rootCause()) {
			reason.append("; ").append(cause.type()).append(": ").append(cause.reason());
		}
		if (error.causedBy() != null) {
			reason.append("; caused by ").append(error.causedBy().type()).append(": ").append(error.causedBy().reason());
		}
		return reason.toString();
	}

	static Alert alert(Rule rule, EnrichedArticle article, String alertId, Instant now) {
		List<String> evidence = new ArrayList<>();
		for (TopicMatch topic : article.topics()) {
			if (rule.topics().isEmpty() || rule.topics().contains(topic.id())) {
				for (TopicMatch.Evidence e : topic.matched()) {
					evidence.add(topic.label() + ": " + e.term() + " ×" + e.count() + " (" + e.firstSeenIn() + ")");
				}
			}
		}
		return new Alert(Alert.SCHEMA, alertId, rule.id(), rule.name(), article.articleId(), article.title(),
				article.url(), article.feedTitle(), article.publishedAt(),
				article.topics().stream().map(TopicMatch::id).toList(), evidence, now);
	}

}
