package org.newswire.events;

import org.apache.kafka.common.errors.SerializationException;

/** A record that can never be read as the expected event; it belongs in the dead-letter topic. */
public class MalformedEventException extends SerializationException {

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
