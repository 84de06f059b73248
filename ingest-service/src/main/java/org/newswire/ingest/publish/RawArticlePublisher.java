package org.newswire.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.newswire.events.RawArticle;
import org.newswire.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes articles to {@code news.raw}, keyed by article id, and reports which ones the broker
 * acknowledged. Sends go out together; then each acknowledgement is awaited within the send timeout.
 */
@Component
public class RawArticlePublisher {

	private final KafkaTemplate<String, RawArticle> template;

	private final Duration sendTimeout;

	RawArticlePublisher(KafkaTemplate<String, RawArticle> template, PublishProperties properties) {
		this.template = template;
		this.sendTimeout = properties.publish().sendTimeout();
	}

	public Report publish(List<RawArticle> articles) {
		List<Pending> sends = new ArrayList<>(articles.size());
		Map<String, Exception> failed = new LinkedHashMap<>();
		for (RawArticle article : articles) {
			try {
				sends.add(new Pending(article, template.send(Topics.RAW, article.articleId(), article)));
			}
			catch (RuntimeException ex) {
				failed.put(article.articleId(), ex);
			}
		}
		long deadline = System.nanoTime() + sendTimeout.toNanos();
		List<RawArticle> acknowledged = new ArrayList<>();
		for (Pending send : sends) {
			String id = send.article().articleId();
			try {
				send.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(send.article());
			}
			catch (ExecutionException ex) {
				failed.put(id, ex.getCause() instanceof Exception cause ? cause : ex);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				failed.put(id, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed.put(id, ex);
			}
		}
		return new Report(acknowledged, failed);
	}

	/** @param failed article id → why it is not known to be published; those are tried again later */
	public record Report(List<RawArticle> published, Map<String, Exception> failed) {

		public Report {
			published = List.copyOf(published);
			failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
		}

	}

	private record Pending(RawArticle article, CompletableFuture<SendResult<String, RawArticle>> ack) {
	}

}
