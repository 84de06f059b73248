package org.newswire.kafka;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.newswire.events.Topics;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the dead-letter topics a consumer writes to, so they exist before the first failure. */
public final class DeadLetterTopics {

	private static final int PARTITIONS = 1;

	private DeadLetterTopics() {
	}

	/** {@code <topic>.dlt} for each source topic, as a bean for {@link KafkaAdmin} to create. */
	public static KafkaAdmin.NewTopics declare(String... sourceTopics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(sourceTopics)
			.map(topic -> TopicBuilder.name(Topics.deadLetter(topic)).partitions(PARTITIONS).build())
			.toArray(NewTopic[]::new));
	}

}
