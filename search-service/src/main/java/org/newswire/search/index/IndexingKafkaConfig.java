package org.newswire.search.index;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventDeserializer;
import org.newswire.events.Topics;
import org.newswire.kafka.DeadLetterTopics;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The batch listener container for {@code news.enriched}: values are read behind
 * {@link ErrorHandlingDeserializer}, so bad bytes and unknown schemas reach the listener as a
 * failure header instead of stopping the consumer; Boot's configurer applies the shared error
 * handler (back-off, then {@code news.enriched.dlt}).
 */
@Configuration(proxyBeanMethods = false)
class IndexingKafkaConfig {

	static final String CONTAINER_FACTORY = "enrichedArticleListenerFactory";

	@Bean
	ConsumerFactory<String, EnrichedArticle> enrichedArticleConsumerFactory(KafkaProperties kafka) {
		return new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(), new StringDeserializer(),
				new ErrorHandlingDeserializer<>(new EventDeserializer<>(EnrichedArticle.class)));
	}

	@Bean(CONTAINER_FACTORY)
	@SuppressWarnings({ "unchecked", "rawtypes" })
	ConcurrentKafkaListenerContainerFactory<Object, Object> enrichedArticleListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, EnrichedArticle> enrichedArticleConsumerFactory) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, (ConsumerFactory) enrichedArticleConsumerFactory);
		factory.setBatchListener(true);
		return factory;
	}

	@Bean
	KafkaAdmin.NewTopics enrichedDeadLetterTopic() {
		return DeadLetterTopics.declare(Topics.ENRICHED);
	}

}
