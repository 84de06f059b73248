package org.newswire.search.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.newswire.search.index.ArticleDocument;

import org.springframework.web.util.HtmlUtils;

/**
 * The answer of {@code GET /api/articles}. {@code htmlSafe} names the hit fields that are HTML (the
 * snippet: escaped text with {@code <em>} around matches); every other field is plain text that a
 * client must escape before putting it in a page. {@code nextCursor} is null on the last page;
 * {@code facets} and {@code histogram} are present when asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleHits(long total, List<ArticleHit> hits, List<String> htmlSafe, String nextCursor,
		Map<String, List<Count>> facets, String interval, List<Count> histogram) {

	static final List<String> HTML_SAFE_FIELDS = List.of("snippet");

	/** A facet value or histogram bucket (its start time) with the number of matching articles. */
	public record Count(String key, long count) {
	}

	static ArticleHits from(SearchResponse<ArticleDocument> response, ArticleQuery query, Instant asOf,
			int snippetLength) {
		TotalHits total = response.hits().total();
		List<Hit<ArticleDocument>> found = response.hits().hits();
		List<ArticleHit> hits = found.stream().map(hit -> hit(hit, snippetLength)).toList();
		String next = null;
		if (!found.isEmpty() && found.size() == query.size()) {
			next = new Cursor(asOf, found.get(found.size() - 1).sort()).encode();
		}
		Map<String, List<Count>> facets = null;
		if (query.facets()) {
			facets = new LinkedHashMap<>();
			for (String facet : ArticleSearchQuery.FACETS) {
				facets.put(facet.equals("entities.name") ? "entities" : facet, terms(response.aggregations().get(facet)));
			}
		}
		List<Count> histogram = null;
		if (query.histogram() != null) {
			histogram = new ArrayList<>();
			for (DateHistogramBucket bucket : response.aggregations().get("histogram").dateHistogram().buckets().array()) {
				histogram.add(new Count(Instant.ofEpochMilli(bucket.key()).toString(), bucket.docCount()));
			}
		}
		return new ArticleHits(total != null ? total.value() : hits.size(), hits, HTML_SAFE_FIELDS, next, facets,
				query.histogram(), histogram);
	}

	private static List<Count> terms(Aggregate aggregate) {
		List<Count> counts = new ArrayList<>();
		for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
			counts.add(new Count(bucket.key().stringValue(), bucket.docCount()));
		}
		return counts;
	}

	static ArticleHit hit(Hit<ArticleDocument> hit, int snippetLength) {
		ArticleDocument doc = hit.source();
		if (doc == null) {
			return new ArticleHit(hit.id(), null, null, null, null, null, List.of(), "");
		}
		return new ArticleHit(hit.id(), doc.title(), doc.url(), doc.source(), doc.publishedAt(), doc.language(),
				doc.topics() != null ? doc.topics() : List.of(), snippet(hit.highlight(), doc.summary(), snippetLength));
	}

	/**
	 * The first highlighted fragment that contains a match, text before summary; else the start of
	 * the text or summary as Elasticsearch returned it (already escaped); else the escaped summary.
	 */
	static String snippet(Map<String, List<String>> highlight, String summary, int snippetLength) {
		for (String field : List.of("text", "summary")) {
			String fragment = first(highlight.get(field));
			if (fragment != null && fragment.contains(ArticleSearchQuery.PRE_TAG)) {
				return fragment;
			}
		}
		for (String field : List.of("text", "summary")) {
			String fragment = first(highlight.get(field));
			if (fragment != null && !fragment.isBlank()) {
				return fragment;
			}
		}
		if (summary == null) {
			return "";
		}
		String start = summary.length() > snippetLength ? summary.substring(0, snippetLength) : summary;
		return HtmlUtils.htmlEscape(start);
	}

	private static String first(List<String> fragments) {
		return (fragments == null || fragments.isEmpty()) ? null : fragments.get(0);
	}

}
