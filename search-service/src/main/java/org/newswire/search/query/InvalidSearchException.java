package org.newswire.search.query;

/** A search request with a parameter out of bounds; answered with 400 and this message. */
public class InvalidSearchException extends RuntimeException {

	public InvalidSearchException(String message) {
		super(message);
	}

}
