package org.newswire.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads news.raw, enriches each article and publishes it to news.enriched before the offset is
 * committed. Failures go to the shared error handler: retried with back-off, then news.raw.dlt.
 */
class RawArticleListener {

	private static final Logger log = LoggerFactory.getLogger(RawArticleListener.class);

	private final Enricher enricher;

	private final EnrichedArticlePublisher publisher;

	private final MeterRegistry meters;

	RawArticleListener(Enricher enricher, EnrichedArticlePublisher publisher, MeterRegistry meters) {
		this.enricher = enricher;
		this.publisher = publisher;
		this.meters = meters;
	}

	@KafkaListener(id = "enrich-raw-articles", topics = Topics.RAW, groupId = "${spring.kafka.consumer.group-id:enrich-service}",
			containerFactory = PipelineConfiguration.LISTENER_FACTORY)
	void onRawArticle(ConsumerRecord<String, RawArticle> record) {
		RawArticle raw = record.value();
		if (raw == null) {
			throw new InvalidRawArticleException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " (key " + record.key() + ") has no value");
		}
		if (raw.articleId() == null || raw.articleId().isBlank()) {
			throw new InvalidRawArticleException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no articleId");
		}
		EnrichedArticle enriched = enricher.enrich(raw);
		publisher.publish(enriched);
		meters.counter("newswire.enrich.articles", "status", enriched.extraction().status()).increment();
		log.info("Enriched article {} ({}): extraction {}/{}, language {}, topics {}, {} words", raw.articleId(),
				raw.url(), enriched.extraction().status(), enriched.extraction().method(), enriched.language(),
				enriched.topics().stream().map(t -> t.id()).toList(), enriched.wordCount());
	}

}
