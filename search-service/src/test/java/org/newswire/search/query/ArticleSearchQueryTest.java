package org.newswire.search.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.newswire.search.elasticsearch.ElasticsearchConfig;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArticleSearchQueryTest {

	private static final QueryProperties LIMITS = new QueryProperties(20, 100, 160, 1000);

	@Test
	void searchesTitleSummaryAndTextRequiringEveryWordWithTopicFilters() throws Exception {
		ArticleQuery query = ArticleQuery.of("\"Belt and Road\" sanctions", List.of("belt-and-road", "sanctions"), 5,
				LIMITS);

		assertJson(ArticleSearchQuery.build(query, "news", 160), "query/text-and-topics.expected.json");
	}

	@Test
	void sortsNewestFirstWhenThereIsNoQueryText() throws Exception {
		ArticleQuery query = ArticleQuery.of("   ", null, null, LIMITS);

		assertJson(ArticleSearchQuery.build(query, "news", 160), "query/newest-first.expected.json");
	}

	@Test
	void searchesTheIndexItIsGiven() {
		SearchRequest request = ArticleSearchQuery.build(ArticleQuery.of("x", null, null, LIMITS), "news", 160);

		assertThat(request.index()).containsExactly("news");
	}

	@Test
	void dropsBlankAndRepeatedTopics() {
		ArticleQuery query = ArticleQuery.of(null, Arrays.asList("sanctions", " ", null, " sanctions "), null, LIMITS);

		assertThat(query.topics()).containsExactly("sanctions");
	}

	@Nested
	class RefusesBadParameters {

		@Test
		void sizeAboveTheMaximum() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> ArticleQuery.of("x", null, 1000, LIMITS))
				.withMessage("size must be between 1 and 100, was 1000");
		}

		@Test
		void sizeBelowOne() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> ArticleQuery.of("x", null, 0, LIMITS))
				.withMessageContaining("size must be between 1 and 100");
		}

		@Test
		void queryTextLongerThanTheLimit() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> ArticleQuery.of("a".repeat(1001), null, null, LIMITS))
				.withMessageContaining("q must be at most 1000 characters");
		}

	}

	@Test
	void acceptsTheMaximumSize() {
		assertThat(ArticleQuery.of("x", null, 100, LIMITS).size()).isEqualTo(100);
	}

	private static void assertJson(SearchRequest request, String expectedResource) throws Exception {
		String actual = JsonpUtils.toJsonString(request, ElasticsearchConfig.jsonpMapper());
		JSONAssert.assertEquals(read(expectedResource), actual, JSONCompareMode.STRICT);
	}

	private static String read(String resource) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
	}

}
