package org.newswire.search.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import org.newswire.search.query.InvalidSearchException;

/**
 * The requests that evaluate every rule against one batch, built as values. Matching: one
 * multi-search over the batch index, each search restricted to the batch's article ids and asking,
 * with one named query per rule, for every article of the batch that matches any of its rules
 * ({@code size} = the batch, never the default 10): each hit lists the rules it matched in
 * {@code matched_queries}. Rules are packed into searches by their estimated number of query
 * clauses, so that no search comes near Elasticsearch's clause limit. Threshold rules that matched
 * then get a count each over their window, again in one multi-search.
 */
final class RuleMatchQuery {

	/** Estimated query clauses per search; Elasticsearch refuses a few thousand on a small heap. */
	static final int MAX_CLAUSES = 1000;

	static final int MAX_RULES_PER_SEARCH = 200;

	/** Title, summary, text and entity names: each word is looked for in all four. */
	static final int SEARCHED_FIELDS = 4;

	private RuleMatchQuery() {
	}

	static MsearchRequest matches(List<Rule> rules, List<String> articleIds, String index) {
		List<RequestItem> searches = new ArrayList<>();
		List<Query> group = new ArrayList<>();
		int clauses = 0;
		for (Rule rule : rules) {
			Query ruleQuery = query(rule);
			if (ruleQuery == null) {
				continue;
			}
			int ruleClauses = clauses(rule);
			if (!group.isEmpty() && (clauses + ruleClauses > MAX_CLAUSES || group.size() >= MAX_RULES_PER_SEARCH)) {
				searches.add(search(group, articleIds, index));
				group = new ArrayList<>();
				clauses = 0;
			}
			group.add(Query.of(q -> q.bool(b -> b.filter(ruleQuery).queryName(rule.id()))));
			clauses += ruleClauses;
		}
		if (!group.isEmpty()) {
			searches.add(search(group, articleIds, index));
		}
		return MsearchRequest.of(m -> m.searches(searches));
	}

	private static RequestItem search(List<Query> named, List<String> articleIds, String index) {
		return RequestItem.of(item -> item.header(h -> h.index(index).requestCache(false))
			.body(body -> body.size(articleIds.size())
				.source(src -> src.fetch(false))
				.trackTotalHits(t -> t.enabled(false))
				.sort(o -> o.doc(d -> d))
				.query(q -> q.bool(b -> b.filter(ids -> ids.ids(i -> i.values(articleIds)))
					.filter(any -> any.bool(or -> or.should(named).minimumShouldMatch("1")))))));
	}

	/** A rough count of the leaf queries a rule becomes: each word or phrase over four fields, plus filters. */
	static int clauses(Rule rule) {
		int words = 1;
		if (rule.query() != null) {
			words = rule.query().replaceAll("\"[^\"]*\"", " x ").trim().split("\\s+").length;
		}
		return words * SEARCHED_FIELDS + rule.topics().size() + 2 * rule.entities().size() + rule.sources().size()
				+ rule.languages().size() + 2;
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
		for (Hit<?> hit : response.hits().hits()) {
			for (String ruleId : hit.matchedQueries()) {
				matched.computeIfAbsent(ruleId, id -> new ArrayList<>()).add(hit.id());
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
