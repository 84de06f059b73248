package org.newswire.kafka;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * What every newswire service does the same way on Kafka: one error handler with back-off and
 * dead-letter topics (Boot applies it to the listener container factory), and the {@code kafka}
 * health contributor.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaRetryProperties.class)
public class KafkaSupportAutoConfiguration {

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

	@Bean(destroyMethod = "destroy")
	DeadLetterProducer deadLetterProducer(KafkaProperties kafka) {
		return new DeadLetterProducer(kafka.buildProducerProperties());
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	CommonErrorHandler deadLetterErrorHandler(DeadLetterProducer producer, KafkaRetryProperties retry) {
		return DeadLetterErrorHandling.errorHandler(producer.template(), retry);
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("kafka")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		return new KafkaHealthIndicator(kafka.buildAdminProperties(), HEALTH_TIMEOUT);
	}

}
