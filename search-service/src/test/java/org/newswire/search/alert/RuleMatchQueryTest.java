package org.newswire.search.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.json.JsonpUtils;
import org.junit.jupiter.api.Test;
import org.newswire.search.elasticsearch.ElasticsearchConfig;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMatchQueryTest {

	private static Rule rule(int i, String query) {
		return new Rule("rule-" + i, "Rule " + i, query, null, null, null, null, Rule.MATCH, null, null, null, "s",
				Instant.EPOCH, Instant.EPOCH, null, null);
	}

	@Test
	void sizesTheMatchesOfEachRuleToTheBatchNotTheDefaultTen() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			ids.add("a" + i);
		}

		MsearchRequest request = RuleMatchQuery.matches(List.of(rule(1, "sanctions")), ids, "batch");

		String json = JsonpUtils.toJsonString(request.searches().get(0).body(), ElasticsearchConfig.jsonpMapper());
		assertThat(json).contains("\"size\":500").contains("\"field\":\"articleId\"").contains("\"ids\"");
	}

	@Test
	void splitsManyRulesOverSearchesThatStayUnderTheBucketLimit() {
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rules.add(rule(i, "word" + i));
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			ids.add("a" + i);
		}

		MsearchRequest request = RuleMatchQuery.matches(rules, ids, "batch");

		int perSearch = RuleMatchQuery.rulesPerSearch(500);
		assertThat(perSearch * 501).isLessThanOrEqualTo(RuleMatchQuery.MAX_BUCKETS);
		assertThat(request.searches()).hasSize((1000 + perSearch - 1) / perSearch);
		int aggregations = request.searches().stream().mapToInt(s -> s.body().aggregations().size()).sum();
		assertThat(aggregations).isEqualTo(1000);
	}

	@Test
	void skipsARuleWhoseStoredQueryNoLongerParses() {
		MsearchRequest request = RuleMatchQuery.matches(List.of(rule(1, "(broken"), rule(2, "fine")), List.of("a"),
				"batch");

		assertThat(request.searches().get(0).body().aggregations()).containsOnlyKeys("rule-2");
	}

}
