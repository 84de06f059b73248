package org.newswire.search.index;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * While Elasticsearch is unreachable or overloaded, indexing waits instead of giving up: the shared
 * error handler (kafka-support) dead-letters a record after {@code newswire.kafka.retry.max-retries},
 * which is right for a broken record but would empty the topic into the dead-letter topic during an
 * Elasticsearch outage. For {@link IndexingRetryableException} this gives the handler a back-off
 * without an end (doubling up to {@code newswire.search.index.retry-max-interval}); the offset stays
 * where it is until Elasticsearch takes the batch. Every other failure keeps the shared back-off.
 */
@Configuration(proxyBeanMethods = false)
class IndexingRetryConfig {

	@Bean
	static BeanPostProcessor elasticsearchOutageBackOff(
			org.springframework.beans.factory.ObjectProvider<IndexProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DefaultErrorHandler handler) {
					handler.setBackOffFunction((record, failure) -> retryable(failure)
							? untilElasticsearchAnswers(properties.getObject().retryMaxInterval()) : null);
				}
				return bean;
			}
		};
	}

	static boolean retryable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IndexingRetryableException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static BackOff untilElasticsearchAnswers(Duration maxInterval) {
		ExponentialBackOff backOff = new ExponentialBackOff(Math.min(500, maxInterval.toMillis()), 2.0);
		backOff.setMaxInterval(maxInterval.toMillis());
		return backOff;
	}

}
