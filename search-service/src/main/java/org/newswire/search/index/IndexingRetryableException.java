package org.newswire.search.index;

/**
 * Elasticsearch could not take the article at {@code position} or after it for a reason that may
 * pass (unreachable, 429, 5xx, index missing): the batch is sent again from there after a back-off.
 * Re-sending is harmless, documents are written by article id.
 */
public class IndexingRetryableException extends RuntimeException {

	private final int position;

	IndexingRetryableException(String message, int position, Throwable cause) {
		super(message, cause);
		this.position = position;
	}

	/** The position in the batch of the first article that was not indexed. */
	public int position() {
		return this.position;
	}

}
