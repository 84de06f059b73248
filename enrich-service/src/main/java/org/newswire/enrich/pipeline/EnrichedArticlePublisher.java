package org.newswire.enrich.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.newswire.events.EnrichedArticle;
import org.newswire.events.Topics;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes to news.enriched keyed by article id and waits for the broker's acknowledgement. A list
 * is sent in its order (the idempotent producer keeps that order per partition) before any
 * acknowledgement is awaited.
 */
class EnrichedArticlePublisher {

	private final KafkaTemplate<String, EnrichedArticle> template;

	private final Duration timeout;

	EnrichedArticlePublisher(KafkaTemplate<String, EnrichedArticle> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	void publish(EnrichedArticle article) {
		publishAll(List.of(article));
	}

	/**
	 * Sends all, then waits for every acknowledgement.
	 * @throws PublishFailedException naming the first article (by index) whose send failed
	 */
	void publishAll(List<EnrichedArticle> articles) {
		List<CompletableFuture<SendResult<String, EnrichedArticle>>> sends = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			EnrichedArticle article = articles.get(i);
			try {
				sends.add(template.send(Topics.ENRICHED, article.articleId(), article));
			}
			catch (RuntimeException ex) {
				throw new PublishFailedException(i, article, ex);
			}
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PublishFailedException(i, articles.get(i), ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new PublishFailedException(i, articles.get(i), ex instanceof ExecutionException ? ex.getCause() : ex);
			}
		}
	}

	/** Publishing stopped at {@code index}: earlier articles were acknowledged. */
	static final class PublishFailedException extends KafkaException {

		private final int index;

		PublishFailedException(int index, EnrichedArticle article, Throwable cause) {
			super("Publishing article " + article.articleId() + " to " + Topics.ENRICHED + " failed: " + cause, cause);
			this.index = index;
		}

		int index() {
			return this.index;
		}

	}

}
