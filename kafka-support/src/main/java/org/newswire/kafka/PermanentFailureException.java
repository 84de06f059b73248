package org.newswire.kafka;

/**
 * A record that retrying cannot fix. The shared error handler sends records that fail with this
 * exception (or a subclass, or with it as a cause) to the dead-letter topic at once instead of
 * backing off.
 */
public class PermanentFailureException extends RuntimeException {

	public PermanentFailureException(String message) {
		super(message);
	}

	public PermanentFailureException(String message, Throwable cause) {
		super(message, cause);
	}

}
