package org.newswire.search.query;

import java.io.IOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.newswire.search.index.ArticleDocument;
import org.newswire.search.index.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Searches the article index behind the alias. */
@Component
public class ArticleSearch {

	private static final Logger log = LoggerFactory.getLogger(ArticleSearch.class);

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
		SearchRequest request = ArticleSearchQuery.build(query, this.alias, this.snippetLength);
		try {
			return ArticleHits.from(this.client.search(request, ArticleDocument.class), this.snippetLength);
		}
		catch (ElasticsearchException ex) {
			log.warn("Elasticsearch refused search {}: {}", query, ex.getMessage());
			throw new SearchUnavailableException("Search failed in Elasticsearch (" + ex.status() + ")", ex);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Elasticsearch unreachable for search {}: {}", query, ex.toString());
			throw new SearchUnavailableException("Elasticsearch is not reachable", ex);
		}
	}

}
