package org.newswire.ingest.normalize;

/** A feed item that cannot become an article, typically because it has no http(s) link. */
public class UnusableItemException extends Exception {

	UnusableItemException(String message) {
		super(message);
	}

}
