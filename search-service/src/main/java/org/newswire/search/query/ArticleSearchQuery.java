package org.newswire.search.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

/**
 * Turns an {@link ArticleQuery} into the Elasticsearch request, as a value that tests can inspect.
 * Hits are ordered by score (with text) or publication time, then by article id, so that every hit
 * has a unique position for {@code search_after}. Snippets are highlighted with the HTML encoder:
 * article text is untrusted, so everything but the {@code <em>} markers is escaped by Elasticsearch.
 */
final class ArticleSearchQuery {

	static final List<String> RETURNED_FIELDS = List.of("articleId", "title", "url", "source", "publishedAt",
			"topics", "summary", "language");

	static final String PRE_TAG = "<em>";

	static final String POST_TAG = "</em>";

	static final List<String> FACETS = List.of("topics", "source", "language", "entities.name");

	private ArticleSearchQuery() {
	}

	static SearchRequest build(ArticleQuery query, String index, int snippetLength, Instant now) {
		Instant asOf = query.cursor() != null ? query.cursor().asOf() : now;
		return SearchRequest.of(s -> {
			s.index(index)
				.query(query(query.criteria(), asOf))
				.size(query.size())
				.trackTotalHits(t -> t.enabled(true))
				.sort(sort(query.relevanceOrder()))
				.source(src -> src.filter(f -> f.includes(RETURNED_FIELDS)))
				.highlight(highlight(snippetLength));
			if (query.cursor() != null) {
				s.searchAfter(query.cursor().after());
			}
			if (query.facets()) {
				for (String facet : FACETS) {
					s.aggregations(facet, a -> a.terms(t -> t.field(facet).size(facet.equals("language") ? 10 : 20)));
				}
			}
			if (query.histogram() != null) {
				s.aggregations("histogram", histogram(query.histogram()));
			}
			return s;
		});
	}

	/** The criteria, restricted to what was indexed by {@code asOf}. */
	static Query query(ArticleCriteria criteria, Instant asOf) {
		return criteria.toQuery(
				List.of(Query.of(q -> q.range(r -> r.date(d -> d.field("indexedAt").lte(asOf.toString()))))));
	}

	static List<SortOptions> sort(boolean relevance) {
		List<SortOptions> sort = new ArrayList<>();
		if (relevance) {
			sort.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
		}
		sort.add(SortOptions.of(o -> o.field(f -> f.field("publishedAt")
			.order(SortOrder.Desc)
			.missing(FieldValue.of("_last"))
			.unmappedType(FieldType.Date))));
		sort.add(SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))));
		return sort;
	}

	static Aggregation histogram(String interval) {
		return Aggregation.of(a -> a.dateHistogram(h -> h.field("publishedAt")
			.calendarInterval(interval.equals("hour") ? CalendarInterval.Hour : CalendarInterval.Day)
			.minDocCount(0)));
	}

	static Highlight highlight(int snippetLength) {
		return Highlight.of(h -> h.encoder(HighlighterEncoder.Html)
			.preTags(PRE_TAG)
			.postTags(POST_TAG)
			.fields("text", f -> f.fragmentSize(snippetLength).numberOfFragments(1).noMatchSize(snippetLength))
			.fields("summary", f -> f.fragmentSize(snippetLength).numberOfFragments(1).noMatchSize(snippetLength)));
	}

}
