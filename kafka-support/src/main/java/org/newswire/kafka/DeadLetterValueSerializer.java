package org.newswire.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;
import org.newswire.events.Event;
import org.newswire.events.EventSerde;

/**
 * Writes dead-letter keys and values. Records that failed deserialization arrive as their original
 * bytes and are written unchanged; records that failed later arrive as events and are written in
 * their one JSON form, which is what the producer wrote.
 */
class DeadLetterValueSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof Event event) {
			return EventSerde.toJson(event);
		}
		return data.toString().getBytes(StandardCharsets.UTF_8);
	}

}
