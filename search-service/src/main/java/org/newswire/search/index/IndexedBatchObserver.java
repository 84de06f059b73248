package org.newswire.search.index;

import java.util.List;

import org.newswire.events.EnrichedArticle;

/**
 * Told about every batch of articles right after Elasticsearch acknowledged it, before the Kafka
 * offsets are committed: a failure here makes the batch be delivered again (indexing is idempotent),
 * so observers must be idempotent too.
 */
public interface IndexedBatchObserver {

	void indexed(List<EnrichedArticle> articles);

}
