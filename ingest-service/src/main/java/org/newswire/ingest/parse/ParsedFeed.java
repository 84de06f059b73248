package org.newswire.ingest.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A feed as its document states it, independent of format: plain-text titles and summaries, links
 * resolved against the feed URL, dates in UTC or null when the feed gives none, items in document order.
 */
public record ParsedFeed(String format, String title, URI link, String language, List<Item> items) {

	public ParsedFeed {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/**
	 * One entry. {@code link} is null when the entry has no link or an unusable one; {@code rawLink} then
	 * keeps what the feed said, for the error message.
	 */
	public record Item(String guid, String title, URI link, String rawLink, String summary, Instant publishedAt,
			Instant updatedAt, List<String> authors, List<String> categories) {

		public Item {
			authors = authors == null ? List.of() : List.copyOf(authors);
			categories = categories == null ? List.of() : List.copyOf(categories);
		}

	}

}
