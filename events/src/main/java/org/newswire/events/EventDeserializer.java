package org.newswire.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for one event type. It throws on bad bytes and unknown schemas; wrap it in
 * spring-kafka's {@code ErrorHandlingDeserializer} so such records reach the dead-letter topic.
 * A null value (a tombstone) stays null.
 */
public class EventDeserializer<T extends Event> implements Deserializer<T> {

	private final Class<T> type;

	public EventDeserializer(Class<T> type) {
		this.type = type;
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		return data == null ? null : EventSerde.fromJson(data, type);
	}

}
