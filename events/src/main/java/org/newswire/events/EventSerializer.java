package org.newswire.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for any event, in the JSON form of {@link EventSerde}. */
public class EventSerializer<T extends Event> implements Serializer<T> {

	@Override
	public byte[] serialize(String topic, T event) {
		return event == null ? null : EventSerde.toJson(event);
	}

}
