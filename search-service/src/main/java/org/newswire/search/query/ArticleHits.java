package org.newswire.search.query;

import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import org.newswire.search.index.ArticleDocument;

import org.springframework.web.util.HtmlUtils;

/**
 * The answer of {@code GET /api/articles}. {@code htmlSafe} names the hit fields that are HTML (the
 * snippet: escaped text with {@code <em>} around matches); every other field is plain text that a
 * client must escape before putting it in a page.
 */
public record ArticleHits(long total, List<ArticleHit> hits, List<String> htmlSafe) {

	static final List<String> HTML_SAFE_FIELDS = List.of("snippet");

	static ArticleHits from(SearchResponse<ArticleDocument> response, int snippetLength) {
		TotalHits total = response.hits().total();
		List<ArticleHit> hits = response.hits().hits().stream().map(hit -> hit(hit, snippetLength)).toList();
		return new ArticleHits(total != null ? total.value() : hits.size(), hits, HTML_SAFE_FIELDS);
	}

	private static ArticleHit hit(Hit<ArticleDocument> hit, int snippetLength) {
		ArticleDocument doc = hit.source();
		if (doc == null) {
			return new ArticleHit(hit.id(), null, null, null, null, List.of(), "");
		}
		return new ArticleHit(hit.id(), doc.title(), doc.url(), doc.source(), doc.publishedAt(),
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
