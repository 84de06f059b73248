package org.newswire.ingest.parse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A feed as its document states it, independent of format: plain-text titles and summaries, links
 * resolved against {@code xml:base} and the document's URL, dates in UTC or null when the feed gives
 * none (never invented), items in document order.
 *
 * @param format {@code rss-2.0}, {@code rss-1.0}, {@code atom-1.0}, {@code json-feed-1.1}, {@code sitemap-news}, ...
 * @param refreshHint how often the feed says it changes ({@code ttl}, {@code sy:updatePeriod}), or null
 * @param repairs what the lenient reading had to repair (wrong encoding, undeclared entities, broken
 *     markup...); empty for a clean document
 */
public record ParsedFeed(String format, String title, URI link, String description, String language,
		Instant publishedAt, Instant updatedAt, Duration refreshHint, List<String> repairs, List<Item> items) {

	public ParsedFeed {
		repairs = repairs == null ? List.of() : List.copyOf(repairs);
		items = items == null ? List.of() : List.copyOf(items);
	}

	public ParsedFeed(String format, String title, URI link, String language, List<Item> items) {
		this(format, title, link, null, language, null, null, null, List.of(), items);
	}

	public boolean repaired() {
		return !repairs.isEmpty();
	}

	/**
	 * One entry. {@code link} is null when the entry has no link; it may be relative when nothing could
	 * resolve it. {@code rawLink} keeps what the feed said, for error messages. {@code summary} is the
	 * entry's description or summary, {@code content} its full content, both plain text.
	 */
	public record Item(String guid, String title, URI link, String rawLink, String summary, String content,
			Instant publishedAt, Instant updatedAt, List<String> authors, List<String> categories) {

		public Item {
			authors = authors == null ? List.of() : List.copyOf(authors);
			categories = categories == null ? List.of() : List.copyOf(categories);
		}

		public Item(String guid, String title, URI link, String rawLink, String summary, Instant publishedAt,
				Instant updatedAt, List<String> authors, List<String> categories) {
			this(guid, title, link, rawLink, summary, null, publishedAt, updatedAt, authors, categories);
		}

		/** The description, else the content: what an article's summary is made of. */
		public String summaryOrContent() {
			return summary != null ? summary : content;
		}

	}

}
