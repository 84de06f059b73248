package org.newswire.ingest.registry;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newswire.ingest.poll.FeedFetchProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.validation.annotation.Validated;

@Configuration(proxyBeanMethods = false)
class RegistryConfig {

	/** {@code newswire.ingest.topics.*}: both registry topics get the same partition count, so they stay co-partitioned. */
	@ConfigurationProperties("newswire.ingest.topics")
	@Validated
	record TopicCounts(@Min(1) int partitions, @Min(1) short replicas) {
	}

	@Bean
	NewTopic feedsTopic(TopicCounts topics) {
		return TopicBuilder.name(RegistryTopics.FEEDS).partitions(topics.partitions()).replicas(topics.replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	@Bean
	NewTopic feedStateTopic(TopicCounts topics) {
		return TopicBuilder.name(RegistryTopics.STATE).partitions(topics.partitions()).replicas(topics.replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	@Bean
	KafkaTemplate<String, byte[]> registryTemplate(KafkaProperties kafka, KafkaConnectionDetails connection) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
		config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
	}

	@Bean
	FeedRegistryView feedRegistryView(KafkaProperties kafka, KafkaConnectionDetails connection) {
		Map<String, Object> config = consumerConfig(kafka, connection);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		return new FeedRegistryView(config);
	}

	@Bean
	FeedOwnership feedOwnership(KafkaProperties kafka, KafkaConnectionDetails connection, RegistryProperties properties) {
		Map<String, Object> config = consumerConfig(kafka, connection);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.sessionTimeout().toMillis());
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) properties.sessionTimeout().toMillis() / 3);
		config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		return new FeedOwnership(config);
	}

	@Bean
	FeedRegistry feedRegistry(KafkaTemplate<String, byte[]> registryTemplate, FeedRegistryView view,
			FeedFetchProperties fetch, RegistryProperties properties) {
		return new FeedRegistry(registryTemplate, view, new AddressCheck(fetch.fetch().allowedHosts()),
				properties.readTimeout());
	}

	@Bean
	FeedStateWriter feedStateWriter(KafkaTemplate<String, byte[]> registryTemplate, FeedRegistryView view,
			RegistryProperties properties) {
		return new FeedStateWriter(registryTemplate, view, properties.readTimeout());
	}

	private static Map<String, Object> consumerConfig(KafkaProperties kafka, KafkaConnectionDetails connection) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
		config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return config;
	}

}
