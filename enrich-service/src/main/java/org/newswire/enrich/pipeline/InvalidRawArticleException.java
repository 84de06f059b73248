package org.newswire.enrich.pipeline;

import org.newswire.kafka.PermanentFailureException;

/** A record on news.raw that can never be enriched (no value, no article id); it goes to the dead-letter topic at once. */
class InvalidRawArticleException extends PermanentFailureException {

	InvalidRawArticleException(String message) {
		super(message);
	}

}
