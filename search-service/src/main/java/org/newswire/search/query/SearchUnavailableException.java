package org.newswire.search.query;

/** Elasticsearch did not answer or refused the search; answered with 503. */
public class SearchUnavailableException extends RuntimeException {

	public SearchUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
