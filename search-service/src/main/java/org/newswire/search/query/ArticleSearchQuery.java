package org.newswire.search.query;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

/**
 * Turns an {@link ArticleQuery} into the Elasticsearch request, as a value that tests can inspect.
 * Text goes to {@code simple_query_string} over title, summary and text (all words required,
 * quotes for phrases); each topic is a keyword filter; without text the newest articles come first.
 * Snippets are highlighted with the HTML encoder: article text is untrusted, so everything but the
 * {@code <em>} markers is escaped by Elasticsearch.
 */
final class ArticleSearchQuery {

	static final List<String> SEARCHED_FIELDS = List.of("title^3", "summary^2", "text");

	static final List<String> RETURNED_FIELDS = List.of("articleId", "title", "url", "source", "publishedAt",
			"topics", "summary");

	static final String PRE_TAG = "<em>";

	static final String POST_TAG = "</em>";

	private ArticleSearchQuery() {
	}

	static SearchRequest build(ArticleQuery query, String index, int snippetLength) {
		return SearchRequest.of(s -> s.index(index)
			.query(query(query))
			.size(query.size())
			.trackTotalHits(t -> t.enabled(true))
			.sort(sort(query))
			.source(src -> src.filter(f -> f.includes(RETURNED_FIELDS)))
			.highlight(highlight(snippetLength)));
	}

	static Query query(ArticleQuery query) {
		List<Query> filters = new ArrayList<>();
		for (String topic : query.topics()) {
			filters.add(Query.of(q -> q.term(t -> t.field("topics").value(FieldValue.of(topic)))));
		}
		Query text = query.hasText()
				? Query.of(q -> q.simpleQueryString(sqs -> sqs.query(query.text())
					.fields(SEARCHED_FIELDS)
					.defaultOperator(Operator.And)))
				: Query.of(q -> q.matchAll(m -> m));
		return Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
	}

	static List<SortOptions> sort(ArticleQuery query) {
		List<SortOptions> sort = new ArrayList<>();
		if (query.hasText()) {
			sort.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
		}
		sort.add(SortOptions.of(o -> o.field(f -> f.field("publishedAt")
			.order(SortOrder.Desc)
			.missing(FieldValue.of("_last"))
			.unmappedType(FieldType.Date))));
		sort.add(SortOptions.of(o -> o.field(f -> f.field("indexedAt")
			.order(SortOrder.Desc)
			.unmappedType(FieldType.DateNanos))));
		return sort;
	}

	static Highlight highlight(int snippetLength) {
		return Highlight.of(h -> h.encoder(HighlighterEncoder.Html)
			.preTags(PRE_TAG)
			.postTags(POST_TAG)
			.fields("text", f -> f.fragmentSize(snippetLength).numberOfFragments(1).noMatchSize(snippetLength))
			.fields("summary", f -> f.fragmentSize(snippetLength).numberOfFragments(1).noMatchSize(snippetLength)));
	}

}
