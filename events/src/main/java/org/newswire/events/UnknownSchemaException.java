package org.newswire.events;

/** An event written with a schema version this reader does not know. */
public class UnknownSchemaException extends MalformedEventException {

	public UnknownSchemaException(String message) {
		super(message, null);
	}

}
