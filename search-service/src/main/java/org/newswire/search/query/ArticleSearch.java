package org.newswire.search.query;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.newswire.search.index.ArticleDocument;
import org.newswire.search.index.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Searches the article index behind the alias. */
@Component
public class ArticleSearch {

	private static final Logger log = LoggerFactory.getLogger(ArticleSearch.class);

	static final int EXPORT_PAGE = 1000;

	private final ElasticsearchClient client;

	private final String alias;

	private final int snippetLength;

	ArticleSearch(ElasticsearchClient client, IndexProperties index, QueryProperties query) {
		this.client = client;
		this.alias = index.alias();
		this.snippetLength = query.snippetLength();
	}

	/**
	 * Runs the query.
	 * @throws SearchUnavailableException when Elasticsearch does not answer or refuses
	 */
	public ArticleHits search(ArticleQuery query) {
		Instant asOf = query.cursor() != null ? query.cursor().asOf() : Instant.now();
		SearchRequest request = ArticleSearchQuery.build(query, this.alias, this.snippetLength, asOf);
		return call("search " + query, () -> ArticleHits.from(this.client.search(request, ArticleDocument.class), query,
				asOf, this.snippetLength));
	}

	/** The whole stored article, with text, topic evidence and entities. */
	public Optional<ArticleDocument> get(String id) {
		GetResponse<ArticleDocument> response = call("get " + id,
				() -> this.client.get(g -> g.index(this.alias).id(id), ArticleDocument.class));
		return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
	}

	/** Articles whose words resemble this one's (more_like_this), the same story's copies excluded. */
	public List<ArticleHit> related(ArticleDocument article, int size) {
		SearchResponse<ArticleDocument> response = call("related " + article.articleId(),
				() -> this.client.search(s -> s.index(this.alias)
					.size(size)
					.source(src -> src.filter(f -> f.includes(ArticleSearchQuery.RETURNED_FIELDS)))
					.query(q -> q.bool(b -> {
						b.must(m -> m.moreLikeThis(mlt -> mlt.fields("title", "summary", "text")
							.like(l -> l.text(join(article.title(), article.summary(), article.text())))
							.minTermFreq(1)
							.minDocFreq(1)
							.maxQueryTerms(40)
							.minimumShouldMatch("20%")));
						b.mustNot(n -> n.ids(i -> i.values(article.articleId())));
						if (article.fingerprint() != null) {
							b.mustNot(n -> n.term(t -> t.field("fingerprint").value(article.fingerprint())));
						}
						return b;
					})), ArticleDocument.class));
		return response.hits().hits().stream().map(hit -> ArticleHits.hit(hit, this.snippetLength)).toList();
	}

	/**
	 * Hands every article matching {@code criteria} to {@code sink}, newest first, page by page with
	 * {@code search_after} (no 10,000-hit window), only articles indexed before the export started.
	 */
	public long export(ArticleCriteria criteria, boolean withText, Consumer<ArticleDocument> sink) {
		Instant asOf = Instant.now();
		List<FieldValue> after = null;
		long count = 0;
		while (true) {
			List<FieldValue> from = after;
			SearchResponse<ArticleDocument> page = call("export", () -> this.client.search(s -> {
				s.index(this.alias)
					.size(EXPORT_PAGE)
					.query(ArticleSearchQuery.query(criteria, asOf))
					.sort(ArticleSearchQuery.sort(false))
					.trackTotalHits(t -> t.enabled(false))
					.source(src -> src.filter(f -> withText ? f : f.excludes("text")));
				if (from != null) {
					s.searchAfter(from);
				}
				return s;
			}, ArticleDocument.class));
			List<Hit<ArticleDocument>> hits = page.hits().hits();
			for (Hit<ArticleDocument> hit : hits) {
				if (hit.source() != null) {
					sink.accept(hit.source());
					count++;
				}
			}
			if (hits.size() < EXPORT_PAGE) {
				return count;
			}
			after = hits.get(hits.size() - 1).sort();
		}
	}

	private static String join(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null) {
				text.append(part).append('\n');
			}
		}
		return text.length() > 20000 ? text.substring(0, 20000) : text.toString();
	}

	private interface Call<T> {

		T run() throws IOException;

	}

	private <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		}
		catch (ElasticsearchException ex) {
			log.warn("Elasticsearch refused {}: {}", what, ex.getMessage());
			throw new SearchUnavailableException("Search failed in Elasticsearch (" + ex.status() + ")", ex);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Elasticsearch unreachable for {}: {}", what, ex.toString());
			throw new SearchUnavailableException("Elasticsearch is not reachable", ex);
		}
	}

}
