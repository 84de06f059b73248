package org.newswire.events;

import java.time.Instant;
import java.util.List;

/**
 * An article as found in a feed, before its page is fetched. {@code articleId} is a stable hash of
 * {@code canonicalUrl}, so the same story from two feeds is one article; {@code revision} grows when
 * a feed re-publishes an item with changed content.
 */
public record RawArticle(int schema, String articleId, String url, String canonicalUrl, String feedId,
		String feedUrl, String feedTitle, String guid, String title, String summary, Instant publishedAt,
		Instant ingestedAt, List<String> authors, List<String> categories, String language, int revision)
		implements Event {

	public static final int SCHEMA = 1;

	public RawArticle {
		authors = Lists.copyOrEmpty(authors);
		categories = Lists.copyOrEmpty(categories);
	}

}
