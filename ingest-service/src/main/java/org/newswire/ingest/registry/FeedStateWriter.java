package org.newswire.ingest.registry;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.newswire.ingest.poll.FeedStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/** Persists a feed's state after each poll to {@code news.feeds.state}, keyed (and so partitioned) like the feed. */
public class FeedStateWriter {

	private static final Logger log = LoggerFactory.getLogger(FeedStateWriter.class);

	private final KafkaTemplate<String, byte[]> template;

	private final FeedRegistryView view;

	private final Duration sendTimeout;

	FeedStateWriter(KafkaTemplate<String, byte[]> template, FeedRegistryView view, Duration sendTimeout) {
		this.template = template;
		this.view = view;
		this.sendTimeout = sendTimeout;
	}

	/** @return whether the broker acknowledged it; if not, the next poll's state carries the same memory */
	public boolean write(FeedStatus status) {
		view.applyStatus(status);
		try {
			template.send(RegistryTopics.STATE, status.feedId(), StateJson.write(status))
				.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Feed {}: state not saved, kept in memory until the next poll: {}", status.feedId(), ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
