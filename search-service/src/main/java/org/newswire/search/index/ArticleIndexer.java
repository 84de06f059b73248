package org.newswire.search.index;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.newswire.events.EnrichedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes enriched articles to the index alias with one synchronous bulk request, so the caller knows
 * when Elasticsearch has them. The document id is the article id and the external version its
 * revision ({@code external_gte}): a re-delivered record rewrites the same document, an older
 * revision is refused with 409 and counted as done.
 * <p>
 * Every item of the answer is checked, in order; the first one that failed decides: a failure that
 * may pass throws {@link IndexingRetryableException}, a refusal {@link IndexingRejectedException},
 * both with the article's position so that the articles before it count as indexed.
 */
@Component
public class ArticleIndexer {

	private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	ArticleIndexer(ElasticsearchClient client, IndexProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/** Indexes into the alias, the live write path. */
	public void index(List<EnrichedArticle> articles) {
		index(articles, this.properties.alias());
	}

	/** Indexes into {@code target}, the alias or a concrete index (a migration target). */
	public void index(List<EnrichedArticle> articles, String target) {
		int invalid = firstInvalid(articles);
		List<EnrichedArticle> valid = articles.subList(0, invalid);
		if (!valid.isEmpty()) {
			checkItems(send(valid, target), valid, target);
		}
		if (invalid < articles.size()) {
			EnrichedArticle article = articles.get(invalid);
			throw new IndexingRejectedException("Article " + article.articleId() + " cannot be indexed: "
					+ (blank(article.articleId()) ? "no article id" : "negative revision " + article.revision()),
					invalid);
		}
	}

	private static int firstInvalid(List<EnrichedArticle> articles) {
		for (int i = 0; i < articles.size(); i++) {
			EnrichedArticle article = articles.get(i);
			if (blank(article.articleId()) || article.revision() < 0) {
				return i;
			}
		}
		return articles.size();
	}

	private BulkResponse send(List<EnrichedArticle> articles, String target) {
		Instant now = Instant.now();
		int maxTextBytes = (int) this.properties.maxTextSize().toBytes();
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(target)
			.requireAlias(target.equals(this.properties.alias()));
		for (EnrichedArticle article : articles) {
			ArticleDocument document = ArticleDocument.of(article, maxTextBytes, now);
			bulk.operations(op -> op.index(index -> index.id(article.articleId())
				.version((long) article.revision())
				.versionType(VersionType.ExternalGte)
				.document(document)));
		}
		try {
			return this.client.bulk(bulk.build());
		}
		catch (ElasticsearchException ex) {
			throw new IndexingRetryableException("Elasticsearch refused the bulk request of " + articles.size()
					+ " articles (" + ex.status() + "): " + ex.getMessage(), 0, ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new IndexingRetryableException(
					"Elasticsearch did not answer the bulk request of " + articles.size() + " articles: " + ex, 0, ex);
		}
	}

	private void checkItems(BulkResponse response, List<EnrichedArticle> articles, String target) {
		int stale = 0;
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			if (item.error() == null) {
				continue;
			}
			int status = item.status();
			String reason = item.error().type() + ": " + item.error().reason();
			if (status == 409) {
				stale++;
				log.debug("Kept newer revision of article {}: {}", item.id(), reason);
			}
			else if (status == 429 || status >= 500 || status == 404) {
				throw new IndexingRetryableException("Elasticsearch could not index article " + item.id() + " now ("
						+ status + " " + reason + ")", i, null);
			}
			else {
				throw new IndexingRejectedException("Elasticsearch refused article " + item.id() + " revision "
						+ articles.get(i).revision() + " (" + status + " " + reason + ")", i);
			}
		}
		log.info("Indexed {} articles into {} ({} older revisions skipped)", items.size() - stale, target, stale);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
