package org.newswire.ingest.publish;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newswire.events.EventSerializer;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

@Configuration(proxyBeanMethods = false)
class PublishConfig {

	@Bean
	NewTopic rawTopic(PublishProperties properties) {
		return TopicBuilder.name(Topics.RAW)
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicas())
			.build();
	}

	@Bean
	ProducerFactory<String, RawArticle> rawArticleProducerFactory(KafkaProperties kafka,
			KafkaConnectionDetails connection, PublishProperties properties) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// fail a send within the poll's patience rather than blocking the poller on a missing broker
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.publish().sendTimeout().toMillis());
		config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
		config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerializer<>());
	}

	@Bean
	KafkaTemplate<String, RawArticle> rawArticleTemplate(ProducerFactory<String, RawArticle> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
	}

}
