package org.newswire.ingest.parse;

import java.util.List;

/**
 * The document is something other than a feed, typically an HTML page or an error page served instead.
 * For an HTML page, {@link #advertisedFeeds()} lists the feeds it links to, so the entry can be fixed.
 */
public class NotAFeedException extends FeedParseException {

	private final List<String> advertisedFeeds;

	NotAFeedException(String message) {
		this(message, List.of());
	}

	NotAFeedException(String message, List<String> advertisedFeeds) {
		super(message, null);
		this.advertisedFeeds = List.copyOf(advertisedFeeds);
	}

	public List<String> advertisedFeeds() {
		return advertisedFeeds;
	}

}
