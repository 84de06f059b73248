package org.newswire.search.index;

import org.newswire.kafka.PermanentFailureException;

/**
 * Elasticsearch refused the article at {@code position} for a reason retrying cannot fix (a mapping
 * error, a bad revision, no article id). Articles before it were indexed.
 */
public class IndexingRejectedException extends PermanentFailureException {

	private final int position;

	IndexingRejectedException(String message, int position) {
		super(message);
		this.position = position;
	}

	/** The position in the batch of the refused article. */
	public int position() {
		return this.position;
	}

}
