package org.newswire.search.query;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import jakarta.json.stream.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.search.elasticsearch.ElasticsearchConfig;
import org.newswire.search.index.ArticleDocument;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleHitsTest {

	private static ArticleHits hits;

	@BeforeAll
	static void readResponse() throws Exception {
		JacksonJsonpMapper mapper = ElasticsearchConfig.jsonpMapper();
		try (InputStream json = new ClassPathResource("query/search-response.json").getInputStream();
				JsonParser parser = mapper.jsonProvider().createParser(json)) {
			JsonpDeserializer<SearchResponse<ArticleDocument>> deserializer = SearchResponse
				.createSearchResponseDeserializer(JsonpDeserializer.of(ArticleDocument.class));
			SearchResponse<ArticleDocument> response = deserializer.deserialize(parser, mapper);
			hits = ArticleHits.from(response,
					new ArticleQuery(ArticleCriteria.of(null, null), ArticleQuery.Sort.NEWEST, 20, null, false, null),
					Instant.parse("2026-11-21T00:00:00Z"), 40);
		}
	}

	@Test
	void reportsTheTotalMatchesNotJustTheHitsReturned() {
		assertThat(hits.total()).isEqualTo(42);
		assertThat(hits.hits()).extracting(ArticleHit::id).containsExactly("a1", "a2", "a3");
	}

	@Test
	void mapsTheFieldsOfEachHit() {
		ArticleHit first = hits.hits().get(0);

		assertThat(first.title()).isEqualTo("Belt and Road talks <b>resume</b>");
		assertThat(first.url()).isEqualTo("https://news.example/belt-and-road");
		assertThat(first.source()).isEqualTo("Example Wire");
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
		assertThat(first.topics()).containsExactly("belt-and-road", "peace-talks");
	}

	@Test
	void takesTheHighlightedTextFragmentAsSnippet() {
		assertThat(hits.hits().get(0).snippet())
			.isEqualTo("The &lt;script&gt; tag and the <em>Belt</em> and <em>Road</em> Initiative");
	}

	@Test
	void prefersTheFragmentWithAMatchOverTheStartOfTheText() {
		assertThat(hits.hits().get(1).snippet()).isEqualTo("Ministers agreed new &lt;<em>sanctions</em>&gt; &amp; more.");
	}

	@Test
	void escapesTheSummaryWhenNothingWasHighlighted() {
		ArticleHit third = hits.hits().get(2);

		assertThat(third.snippet()).isEqualTo("Summary with &lt;img src=x onerror=alert(1)");
		assertThat(third.publishedAt()).isNull();
		assertThat(third.topics()).isEmpty();
	}

	@Test
	void hasNoNextPageWhenFewerHitsThanAskedFor() {
		assertThat(hits.nextCursor()).isNull();
		assertThat(hits.facets()).isNull();
	}

	@Test
	void namesTheSnippetAsTheOnlyHtmlField() {
		assertThat(hits.htmlSafe()).containsExactly("snippet");
	}

	@Test
	void snippetOfAnArticleWithoutTextOrSummaryIsEmpty() {
		assertThat(ArticleHits.snippet(Map.of(), null, 40)).isEmpty();
		assertThat(ArticleHits.snippet(Map.of("text", List.of()), null, 40)).isEmpty();
	}

}
