package org.newswire.search.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
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

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private static ArticleQuery query(ArticleQuery.Parameters parameters) {
		return ArticleQuery.of(parameters, LIMITS, NOW);
	}

	private static ArticleQuery.Parameters params(String q, List<String> topics, Integer size) {
		return new ArticleQuery.Parameters(q, topics, null, null, null, null, null, null, size, null, null, null);
	}

	@Test
	void searchesTextRequiringEveryWordWithFiltersFacetsAndHistogram() throws Exception {
		ArticleQuery query = query(new ArticleQuery.Parameters("\"Belt and Road\" sanctions",
				List.of("belt-and-road", "sanctions"), List.of("beijing"), List.of("Example Wire"), List.of("en"), "7d",
				null, null, 5, null, true, "auto"));

		assertJson(ArticleSearchQuery.build(query, "news", 160, NOW), "query/text-and-topics.expected.json");
	}

	@Test
	void sortsNewestFirstWhenThereIsNoQueryText() throws Exception {
		ArticleQuery query = query(params("   ", null, null));

		assertJson(ArticleSearchQuery.build(query, "news", 160, NOW), "query/newest-first.expected.json");
	}

	@Test
	void continuesAfterTheCursorSeeingOnlyWhatWasIndexedByTheFirstPage() {
		Instant firstPage = Instant.parse("2026-11-27T11:00:00.123456789Z");
		String cursor = new Cursor(firstPage, List.of(FieldValue.of(1.5), FieldValue.of(1795219200000L),
				FieldValue.of("abc"))).encode();
		ArticleQuery query = query(new ArticleQuery.Parameters("x", null, null, null, null, null, null, null, null,
				cursor, null, null));

		String json = JsonpUtils.toJsonString(ArticleSearchQuery.build(query, "news", 160, NOW),
				ElasticsearchConfig.jsonpMapper());

		assertThat(json).contains("\"search_after\":[1.5,1795219200000,\"abc\"]")
			.contains("\"lte\":\"2026-11-27T11:00:00.123456789Z\"");
	}

	@Test
	void searchesTheIndexItIsGiven() {
		SearchRequest request = ArticleSearchQuery.build(query(params("x", null, null)), "news", 160, NOW);

		assertThat(request.index()).containsExactly("news");
	}

	@Test
	void dropsBlankAndRepeatedTopics() {
		ArticleQuery query = query(params(null, Arrays.asList("sanctions", " ", null, " sanctions "), null));

		assertThat(query.criteria().topics()).containsExactly("sanctions");
	}

	@Test
	void readsRelativeAndIsoTimes() {
		ArticleQuery query = query(new ArticleQuery.Parameters(null, null, null, null, null, "24h", "2026-11-27", null,
				null, null, null, null));

		assertThat(query.criteria().from()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
		assertThat(query.criteria().to()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
	}

	@Nested
	class RefusesBadParameters {

		@Test
		void sizeAboveTheMaximum() {
			assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> query(params("x", null, 1000)))
				.withMessage("size must be between 1 and 100, was 1000");
		}

		@Test
		void sizeBelowOne() {
			assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> query(params("x", null, 0)))
				.withMessageContaining("size must be between 1 and 100");
		}

		@Test
		void queryTextLongerThanTheLimit() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> query(params("a".repeat(1001), null, null)))
				.withMessageContaining("q must be at most 1000 characters");
		}

		@Test
		void unknownSort() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> query(new ArticleQuery.Parameters(null, null, null, null, null, null, null, "oldest",
						null, null, null, null)))
				.withMessage("sort must be relevance or newest, was 'oldest'");
		}

		@Test
		void timeThatIsNeitherIsoNorRelative() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> query(new ArticleQuery.Parameters(null, null, null, null, null, "yesterday", null,
						null, null, null, null, null)))
				.withMessageContaining("from must be an ISO date");
		}

		@Test
		void cursorNotHandedOutByTheApi() {
			assertThatExceptionOfType(InvalidSearchException.class)
				.isThrownBy(() -> query(new ArticleQuery.Parameters(null, null, null, null, null, null, null, null,
						null, "bm90IGEgY3Vyc29y", null, null)))
				.withMessageContaining("cursor is not one this API handed out");
		}

	}

	@Test
	void acceptsTheMaximumSize() {
		assertThat(query(params("x", null, 100)).size()).isEqualTo(100);
	}

	private static void assertJson(SearchRequest request, String expectedResource) throws Exception {
		String actual = JsonpUtils.toJsonString(request, ElasticsearchConfig.jsonpMapper());
		if (Boolean.getBoolean("newswire.print-json")) {
			System.out.println(expectedResource + ": " + actual);
		}
		JSONAssert.assertEquals(read(expectedResource), actual, JSONCompareMode.STRICT);
	}

	private static String read(String resource) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
	}

}
