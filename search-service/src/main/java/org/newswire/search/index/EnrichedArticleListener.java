package org.newswire.search.index;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.MalformedEventException;
import org.newswire.events.Topics;
import org.newswire.kafka.PermanentFailureException;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Indexes each batch from {@code news.enriched} before its offsets are committed. A failure names
 * the record it happened at ({@link BatchListenerFailedException}), so the records before it are
 * committed and the error handler retries or dead-letters from there. A batch listener sees records
 * whose value could not be read as a null value with the failure in a header; the articles before
 * such a record are indexed first, then it is reported.
 */
@Component
class EnrichedArticleListener {

	private static final LogAccessor log = new LogAccessor(EnrichedArticleListener.class);

	private final ArticleIndexer indexer;

	private final List<IndexedBatchObserver> observers;

	EnrichedArticleListener(ArticleIndexer indexer, List<IndexedBatchObserver> observers) {
		this.indexer = indexer;
		this.observers = observers;
	}

	@KafkaListener(id = "search-indexer", idIsGroup = false, topics = Topics.ENRICHED, autoStartup = MigrationMode.LIVE,
			containerFactory = IndexingKafkaConfig.CONTAINER_FACTORY)
	void onBatch(List<ConsumerRecord<String, EnrichedArticle>> records) {
		List<EnrichedArticle> articles = new ArrayList<>(records.size());
		RuntimeException unreadable = null;
		for (ConsumerRecord<String, EnrichedArticle> record : records) {
			unreadable = unreadable(record);
			if (unreadable != null) {
				break;
			}
			articles.add(record.value());
		}
		try {
			this.indexer.index(articles);
		}
		catch (IndexingRejectedException ex) {
			observe(articles.subList(0, ex.position()));
			throw new BatchListenerFailedException(ex.getMessage(), ex, ex.position());
		}
		catch (IndexingRetryableException ex) {
			observe(articles.subList(0, ex.position()));
			throw new BatchListenerFailedException(ex.getMessage(), ex, ex.position());
		}
		observe(articles);
		if (unreadable != null) {
			throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, articles.size());
		}
	}

	/** A failing observer holds the whole batch: it is indexed again (harmless) and observed again. */
	private void observe(List<EnrichedArticle> indexed) {
		if (indexed.isEmpty()) {
			return;
		}
		for (IndexedBatchObserver observer : this.observers) {
			try {
				observer.indexed(indexed);
			}
			catch (RuntimeException ex) {
				IndexingRetryableException retry = new IndexingRetryableException(
						"Could not finish the batch after indexing it: " + ex.getMessage(), 0, ex);
				throw new BatchListenerFailedException(retry.getMessage(), retry, 0);
			}
		}
	}

	private static RuntimeException unreadable(ConsumerRecord<String, EnrichedArticle> record) {
		DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		if (failure != null) {
			// the event's own reason (malformed, unknown schema) is what the dead-letter headers should say
			return (failure.getCause() instanceof MalformedEventException reason) ? reason : failure;
		}
		if (record.value() == null) {
			return new PermanentFailureException("Record with key " + record.key() + " has no value");
		}
		return null;
	}

}
