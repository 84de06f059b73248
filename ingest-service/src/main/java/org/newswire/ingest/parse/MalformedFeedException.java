package org.newswire.ingest.parse;

/** The document looks like a feed but cannot be parsed: broken XML, a refused DOCTYPE, an unreadable encoding. */
public class MalformedFeedException extends FeedParseException {

	MalformedFeedException(String message, Throwable cause) {
		super(message, cause);
	}

}
