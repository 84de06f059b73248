package org.newswire.kafka;

import java.util.Map;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer behind dead-letter publishing, kept apart from the services' own producer beans (so
 * Boot's auto-configured ones stay in place) and closed with the application context.
 */
class DeadLetterProducer {

	private final DefaultKafkaProducerFactory<Object, Object> factory;

	private final KafkaTemplate<Object, Object> template;

	DeadLetterProducer(Map<String, Object> producerProperties) {
		this.factory = new DefaultKafkaProducerFactory<>(producerProperties, new DeadLetterValueSerializer(),
				new DeadLetterValueSerializer());
		this.template = new KafkaTemplate<>(this.factory);
	}

	KafkaTemplate<Object, Object> template() {
		return this.template;
	}

	void destroy() {
		this.factory.destroy();
	}

}
