package org.newswire.search.query;

import java.util.List;

/**
 * One search: {@code text} in the simple query syntax (null for "newest first"), topic ids that
 * every hit must carry, and how many hits to return.
 */
public record ArticleQuery(String text, List<String> topics, int size) {

	public ArticleQuery {
		text = (text == null || text.isBlank()) ? null : text.strip();
		topics = (topics == null) ? List.of()
				: topics.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
	}

	/**
	 * Checks request parameters against the limits and builds the query.
	 * @throws InvalidSearchException naming the parameter that is wrong
	 */
	static ArticleQuery of(String q, List<String> topics, Integer size, QueryProperties limits) {
		int hits = (size != null) ? size : limits.defaultSize();
		if (hits < 1 || hits > limits.maxSize()) {
			throw new InvalidSearchException("size must be between 1 and " + limits.maxSize() + ", was " + hits);
		}
		if (q != null && q.length() > limits.maxQueryLength()) {
			throw new InvalidSearchException(
					"q must be at most " + limits.maxQueryLength() + " characters, was " + q.length());
		}
		return new ArticleQuery(q, topics, hits);
	}

	boolean hasText() {
		return this.text != null;
	}

}
