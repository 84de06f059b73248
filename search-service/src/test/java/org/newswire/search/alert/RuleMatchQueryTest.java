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
	void asksForEveryArticleOfTheBatchNotTheDefaultTen() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			ids.add("a" + i);
		}

		MsearchRequest request = RuleMatchQuery.matches(List.of(rule(1, "sanctions")), ids, "batch");

		String json = JsonpUtils.toJsonString(request.searches().get(0).body(), ElasticsearchConfig.jsonpMapper());
		assertThat(json).contains("\"size\":500").contains("\"_name\":\"rule-1\"").contains("\"ids\"");
	}

	@Test
	void packsManyRulesIntoSearchesThatStayUnderTheClauseLimit() {
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rules.add(rule(i, "word" + i + " OR other" + i + " OR third" + i));
		}

		MsearchRequest request = RuleMatchQuery.matches(rules, List.of("a"), "batch");

		int perSearch = RuleMatchQuery.MAX_CLAUSES / RuleMatchQuery.clauses(rules.get(0));
		assertThat(request.searches()).hasSize((1000 + perSearch - 1) / perSearch);
		String json = JsonpUtils.toJsonString(request, ElasticsearchConfig.jsonpMapper());
		assertThat(json.split("\"_name\"", -1)).hasSize(1001);
	}

	@Test
	void skipsARuleWhoseStoredQueryNoLongerParses() {
		MsearchRequest request = RuleMatchQuery.matches(List.of(rule(1, "(broken"), rule(2, "fine")), List.of("a"),
				"batch");

		String json = JsonpUtils.toJsonString(request, ElasticsearchConfig.jsonpMapper());
		assertThat(json).contains("\"_name\":\"rule-2\"").doesNotContain("rule-1");
	}

}
