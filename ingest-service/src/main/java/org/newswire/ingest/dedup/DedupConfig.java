package org.newswire.ingest.dedup;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.newswire.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DedupConfig {

	@Bean
	SeenArticles seenArticles(DedupProperties properties, KafkaProperties kafka, KafkaConnectionDetails connection) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-published-keys");
		return new SeenArticles(properties.maxEntries(),
				new PublishedKeys(config, Topics.RAW, properties.replayTimeout()));
	}

}
