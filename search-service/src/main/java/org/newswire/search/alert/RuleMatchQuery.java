package org.newswire.search.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import org.newswire.search.query.InvalidSearchException;

/**
 * The requests that evaluate every rule against one batch, built as values. Matching: one
 * multi-search whose searches each restrict to the batch's article ids once and carry a named
 * {@code filter} aggregation per rule with the matching article ids as {@code terms} buckets (sized to
 * the batch, never the default 10). Rules are split over the searches so that no search exceeds
 * {@link #MAX_BUCKETS} buckets (Elasticsearch's {@code search.max_buckets} is 65,536). Threshold rules
 * that matched then get a count each over their window, again in one multi-search.
 */
final class RuleMatchQuery {

	static final int MAX_BUCKETS = 20_000;

	static final String ARTICLES = "articles";

	private RuleMatchQuery() {
	}

	/** Rules per search so that rules × (batch + 1) buckets stay under the limit. */
	static int rulesPerSearch(int batchSize) {
		return Math.max(1, MAX_BUCKETS / (batchSize + 1));
	}

	static MsearchRequest matches(List<Rule> rules, List<String> articleIds, String index) {
		int chunk = rulesPerSearch(articleIds.size());
		List<RequestItem> searches = new ArrayList<>();
		for (int from = 0; from < rules.size(); from += chunk) {
			List<Rule> group = rules.subList(from, Math.min(rules.size(), from + chunk));
			searches.add(RequestItem.of(item -> item.header(h -> h.index(index)).body(body -> {
				body.size(0).query(q -> q.ids(i -> i.values(articleIds)));
				for (Rule rule : group) {
					Query ruleQuery = query(rule);
					if (ruleQuery != null) {
						body.aggregations(rule.id(), a -> a.filter(ruleQuery)
							.aggregations(ARTICLES, t -> t.terms(terms -> terms.field("articleId")
								.size(articleIds.size())
								.executionHint(TermsAggregationExecutionHint.Map))));
					}
				}
				return body;
			})));
		}
		return MsearchRequest.of(m -> m.searches(searches));
	}

	/** A rule whose stored query no longer parses is skipped instead of failing the batch. */
	static Query query(Rule rule) {
		try {
			return rule.criteria().toQuery();
		}
		catch (InvalidSearchException ex) {
			return null;
		}
	}

	/** Rule id → ids of the batch's articles it matched, from one search of {@link #matches}. */
	static Map<String, List<String>> matched(ResponseBody<?> response) {
		Map<String, List<String>> matched = new HashMap<>();
		for (Map.Entry<String, Aggregate> entry : response.aggregations().entrySet()) {
			Aggregate articles = entry.getValue().filter().aggregations().get(ARTICLES);
			List<String> ids = new ArrayList<>();
			for (StringTermsBucket bucket : articles.sterms().buckets().array()) {
				ids.add(bucket.key().stringValue());
			}
			if (!ids.isEmpty()) {
				matched.put(entry.getKey(), ids);
			}
		}
		return matched;
	}

	/** One count per threshold rule: matching articles published within its window, up to its threshold. */
	static MsearchRequest windowCounts(List<Rule> rules, String index, Instant now) {
		List<RequestItem> searches = new ArrayList<>();
		for (Rule rule : rules) {
			Instant since = now.minus(rule.windowDuration());
			Query window = Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte(since.toString()))));
			searches.add(RequestItem.of(item -> item.header(h -> h.index(index))
				.body(body -> body.size(0)
					.trackTotalHits(t -> t.count(rule.threshold()))
					.query(rule.criteria().toQuery(List.of(window))))));
		}
		return MsearchRequest.of(m -> m.searches(searches));
	}

}
