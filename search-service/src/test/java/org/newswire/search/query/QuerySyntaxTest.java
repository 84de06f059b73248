package org.newswire.search.query;

import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.newswire.search.elasticsearch.ElasticsearchConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QuerySyntaxTest {

	private static String json(String q) {
		return JsonpUtils.toJsonString(QuerySyntax.parse(q), ElasticsearchConfig.jsonpMapper());
	}

	@Test
	void requiresEveryWordAndKeepsPhrasesAndPrefixes() {
		String json = json("\"Belt and Road\" port*");

		assertThat(json).contains("\"query\":\"\\\"Belt and Road\\\"\"")
			.contains("\"query\":\"port*\"");
	}

	@Test
	void readsOrAndNotInWordsOrSymbols() {
		assertThat(json("sanctions OR embargo")).isEqualTo(json("sanctions | embargo")).contains("\"should\"");
		assertThat(json("sanctions NOT Russia")).isEqualTo(json("sanctions -Russia")).contains("\"must_not\"");
		assertThat(json("sanctions AND Russia")).isEqualTo(json("sanctions +Russia")).isEqualTo(json("sanctions Russia"));
	}

	@Test
	void groupsWithParentheses() {
		Query query = QuerySyntax.parse("(Beijing OR China) AND port*");

		assertThat(query.bool().must()).hasSize(2);
		assertThat(query.bool().must().get(0).bool().should()).hasSize(2);
	}

	@Test
	void aQueryOfOnlyExclusionsMeansEverythingElse() {
		Query query = QuerySyntax.parse("NOT Ukraine");

		assertThat(query.bool().must().get(0).isMatchAll()).isTrue();
		assertThat(query.bool().mustNot()).hasSize(1);
	}

	@Test
	void escapesOperatorCharactersInsideWords() {
		assertThat(QuerySyntax.escape("a~b(c)")).isEqualTo("a\\~b\\(c\\)");
	}

	static Stream<Arguments> malformed() {
		return Stream.of(Arguments.of("\"peace talks", "the quote opened here is never closed"),
				Arguments.of("(sanctions OR embargo", "the parenthesis opened here is never closed"),
				Arguments.of("sanctions)", "unexpected ')'"), Arguments.of("()", "empty parentheses"),
				Arguments.of("sanctions AND", "AND needs a word"),
				Arguments.of("OR sanctions", "OR needs something on both sides"),
				Arguments.of("sanctions OR", "OR needs something on both sides"),
				Arguments.of("*ports", "'*' needs some letters before it"),
				Arguments.of("po*rts", "'*' is only allowed at the end"), Arguments.of("\"\"", "empty phrase"),
				Arguments.of("NOT", "NOT needs a word"));
	}

	@ParameterizedTest
	@MethodSource("malformed")
	void refusesMalformedQueriesSayingWhatIsWrong(String q, String problem) {
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> QuerySyntax.parse(q))
			.withMessageContaining(problem)
			.withMessageContaining("q is not valid at character");
	}

}
