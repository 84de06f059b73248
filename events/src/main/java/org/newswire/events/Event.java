package org.newswire.events;

/** Every event carries the schema version it was written with; readers refuse versions they do not know. */
public interface Event {

	int schema();

}
