package org.newswire.ingest.parse;

/** A fetched document could not be read as a feed; the subclass says whether it was ever meant to be one. */
public abstract class FeedParseException extends Exception {

	FeedParseException(String message, Throwable cause) {
		super(message, cause);
	}

}
