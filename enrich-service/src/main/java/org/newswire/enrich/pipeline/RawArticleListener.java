package org.newswire.enrich.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.Extraction;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads news.raw in batches. The articles of a batch are enriched at once on a bounded pool, each
 * within {@code articleTimeout} of the batch's start (past it, or when its enrichment throws, the
 * article is published from its feed data with the reason in {@code extraction}); then all are
 * published in offset order, so order per article id holds, and acknowledged before the offsets are
 * committed. A record that cannot be an article (bad bytes, unknown schema, no id) is handed to the
 * shared error handler by index: the records before it are published and committed, it goes to
 * news.raw.dlt, and the batch goes on after it.
 */
class RawArticleListener {

	private static final Logger log = LoggerFactory.getLogger(RawArticleListener.class);

	private static final LogAccessor LOG_ACCESSOR = new LogAccessor(RawArticleListener.class);

	private final Enricher enricher;

	private final EnrichedArticlePublisher publisher;

	private final MeterRegistry meters;

	private final ExecutorService workers;

	private final Duration articleTimeout;

	RawArticleListener(Enricher enricher, EnrichedArticlePublisher publisher, MeterRegistry meters,
			ExecutorService workers, Duration articleTimeout) {
		this.enricher = enricher;
		this.publisher = publisher;
		this.meters = meters;
		this.workers = workers;
		this.articleTimeout = articleTimeout;
	}

	@KafkaListener(id = "enrich-raw-articles", topics = Topics.RAW, groupId = "${spring.kafka.consumer.group-id:enrich-service}",
			containerFactory = PipelineConfiguration.LISTENER_FACTORY, batch = "true")
	void onRawArticles(List<ConsumerRecord<String, RawArticle>> records) {
		int usable = 0;
		RuntimeException invalid = null;
		for (; usable < records.size(); usable++) {
			invalid = problem(records.get(usable));
			if (invalid != null) {
				break;
			}
		}
		long deadline = System.nanoTime() + articleTimeout.toNanos();
		List<CompletableFuture<EnrichedArticle>> running = new ArrayList<>(usable);
		for (int i = 0; i < usable; i++) {
			RawArticle raw = records.get(i).value();
			running.add(CompletableFuture.supplyAsync(() -> enricher.enrich(raw), workers));
		}
		List<EnrichedArticle> enriched = new ArrayList<>(usable);
		for (int i = 0; i < usable; i++) {
			enriched.add(await(records.get(i).value(), running.get(i), deadline));
		}
		try {
			publisher.publishAll(enriched);
		}
		catch (EnrichedArticlePublisher.PublishFailedException ex) {
			enriched.subList(0, ex.index()).forEach(this::published);
			throw new BatchListenerFailedException(ex.getMessage(), ex.getCause(), ex.index());
		}
		enriched.forEach(this::published);
		if (invalid != null) {
			ConsumerRecord<String, RawArticle> bad = records.get(usable);
			log.warn("Record {}-{}@{} (key {}) cannot be enriched, to the dead-letter topic: {}", bad.topic(),
					bad.partition(), bad.offset(), bad.key(), invalid.getMessage());
			throw new BatchListenerFailedException(invalid.getMessage(), invalid, usable);
		}
	}

	private EnrichedArticle await(RawArticle raw, CompletableFuture<EnrichedArticle> future, long deadline) {
		try {
			return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			log.info("Article {}: no page from {} within {}, published from the feed", raw.articleId(), raw.url(),
					articleTimeout);
			meters.counter("newswire.enrich.timeouts").increment();
			return enricher.fromFeed(raw, Extraction.FETCH_FAILED,
					"page not fetched and processed within " + articleTimeout.toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new IllegalStateException("Interrupted while enriching " + raw.articleId(), ex);
		}
		catch (ExecutionException | CancellationException ex) {
			Throwable cause = ex instanceof ExecutionException ? ex.getCause() : ex;
			log.warn("Article {}: enrichment failed, published from the feed", raw.articleId(), cause);
			return enricher.fromFeed(raw, Extraction.NO_TEXT, "enrichment failed: " + cause);
		}
	}

	private void published(EnrichedArticle enriched) {
		meters.counter("newswire.enrich.articles", "status", enriched.extraction().status()).increment();
		log.info("Enriched article {} ({}): extraction {}/{}, language {}, topics {}, {} words",
				enriched.articleId(), enriched.url(), enriched.extraction().status(), enriched.extraction().method(),
				enriched.language(), enriched.topics().stream().map(t -> t.id()).toList(), enriched.wordCount());
	}

	/** Why the record cannot be enriched, or null when it can. */
	private static RuntimeException problem(ConsumerRecord<String, RawArticle> record) {
		String where = record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key()
				+ ")";
		if (record.value() == null) {
			DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
			if (cause != null) {
				return cause;
			}
			return new InvalidRawArticleException("Record " + where + " has no value");
		}
		if (record.value().articleId() == null || record.value().articleId().isBlank()) {
			return new InvalidRawArticleException("Record " + where + " has no articleId");
		}
		return null;
	}

}
