package org.newswire.ingest.parse;

/** The document is something other than a feed, typically an HTML page or an error page served instead. */
public class NotAFeedException extends FeedParseException {

	NotAFeedException(String message) {
		super(message, null);
	}

	NotAFeedException(String message, Throwable cause) {
		super(message, cause);
	}

}
