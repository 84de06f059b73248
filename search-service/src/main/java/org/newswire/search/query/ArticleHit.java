package org.newswire.search.query;

import java.time.Instant;
import java.util.List;

/**
 * One article found. Every field but {@code snippet} is plain, untrusted text; {@code snippet} is
 * HTML-escaped with {@code <em>} around the matches.
 */
public record ArticleHit(String id, String title, String url, String source, Instant publishedAt, String language,
		List<String> topics, String snippet) {

}
