package org.newswire.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.newswire.events.MalformedEventException;
import org.newswire.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Builds the one error handler every listener uses: transient failures back off exponentially
 * (the offset is held, so nothing is lost while Kafka, Elasticsearch or a site is down); records
 * that can never succeed, or still fail after the retries, go to {@code <topic>.dlt} with the
 * failure in spring-kafka's {@code kafka_dlt-*} headers. Partition -1 lets the producer choose the
 * dead-letter partition by key, so the dead-letter topic need not have as many partitions as its
 * source.
 */
public final class DeadLetterErrorHandling {

	/** The root cause of the failure, as a readable sentence. */
	public static final String REASON_HEADER = "newswire_dlt-reason";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandling.class);

	private DeadLetterErrorHandling() {
	}

	static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> deadLetterTemplate,
			KafkaRetryProperties retry) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				DeadLetterErrorHandling::destination);
		recoverer.setFailIfSendResultIsError(true);
		recoverer.setHeadersFunction((record, failure) -> reasonHeader(failure));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class, PermanentFailureException.class);
		handler.setRetryListeners((record, ex, attempt) -> log.warn("Attempt {} failed for {}-{}@{}: {}", attempt,
				record.topic(), record.partition(), record.offset(), ex.getMessage()));
		return handler;
	}

	/**
	 * spring-kafka's exception-message header holds only the outermost message ("failed to
	 * deserialize"); this header names the root cause, e.g. "RawArticle has schema 99 ...".
	 */
	static Headers reasonHeader(Exception failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
		return new RecordHeaders().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
	}

	static TopicPartition destination(ConsumerRecord<?, ?> record, Exception failure) {
		log.error("Sending {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(), record.offset(),
				record.key(), Topics.deadLetter(record.topic()), failure.getMessage());
		return new TopicPartition(Topics.deadLetter(record.topic()), -1);
	}

}
