package org.newswire.ingest.registry;

/** A feed registration the registry refuses; the message says why, for the operator (HTTP 400). */
public class InvalidFeedException extends Exception {

	InvalidFeedException(String message) {
		super(message);
	}

}
