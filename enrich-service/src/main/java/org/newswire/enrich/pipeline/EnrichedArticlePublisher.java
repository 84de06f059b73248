package org.newswire.enrich.pipeline;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.newswire.events.EnrichedArticle;
import org.newswire.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.KafkaException;

/** Publishes to news.enriched keyed by article id and waits for the broker's acknowledgement. */
class EnrichedArticlePublisher {

	private final KafkaTemplate<String, EnrichedArticle> template;

	private final Duration timeout;

	EnrichedArticlePublisher(KafkaTemplate<String, EnrichedArticle> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	void publish(EnrichedArticle article) {
		try {
			template.send(Topics.ENRICHED, article.articleId(), article).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while publishing article " + article.articleId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = ex instanceof ExecutionException ? ex.getCause() : ex;
			throw new KafkaException("Publishing article " + article.articleId() + " to " + Topics.ENRICHED
					+ " failed: " + cause, cause);
		}
	}

}
