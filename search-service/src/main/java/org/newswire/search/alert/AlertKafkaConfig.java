package org.newswire.search.alert;

import org.apache.kafka.clients.admin.NewTopic;
import org.newswire.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares {@code news.alerts}, the topic this service produces. */
@Configuration(proxyBeanMethods = false)
class AlertKafkaConfig {

	@Bean
	NewTopic alertsTopic(AlertProperties properties) {
		return TopicBuilder.name(Topics.ALERTS).partitions(properties.topicPartitions()).build();
	}

}
