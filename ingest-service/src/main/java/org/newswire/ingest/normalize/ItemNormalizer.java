package org.newswire.ingest.normalize;

import java.net.URI;
import java.time.Clock;

import org.newswire.events.RawArticle;
import org.newswire.ingest.parse.ParsedFeed;

import org.springframework.stereotype.Component;

/**
 * Maps a parsed feed item to the {@link RawArticle} event. The article's date is the item's published
 * date, else its updated date, else none: never the time of ingestion.
 */
@Component
public class ItemNormalizer {

	private final Clock clock;

	public ItemNormalizer(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param feedUrl the configured URL of the feed (its identity), not where redirects led
	 * @throws UnusableItemException if the item has no usable http(s) link
	 */
	public RawArticle normalize(ParsedFeed.Item item, ParsedFeed feed, URI feedUrl) throws UnusableItemException {
		if (item.link() == null) {
			throw new UnusableItemException(item.rawLink() == null ? "item " + describe(item) + " has no link"
					: "item " + describe(item) + " has an unusable link: " + item.rawLink());
		}
		String canonical;
		try {
			canonical = CanonicalUrl.of(item.link());
		}
		catch (IllegalArgumentException ex) {
			throw new UnusableItemException("item " + describe(item) + ": " + ex.getMessage());
		}
		return new RawArticle(RawArticle.SCHEMA, ArticleIds.of(canonical), item.link().toString(), canonical,
				ArticleIds.feedId(feedUrl), feedUrl.toString(), feed.title(), item.guid(), item.title(),
				item.summaryOrContent(), item.publishedAt() != null ? item.publishedAt() : item.updatedAt(), clock.instant(),
				item.authors(), item.categories(), feed.language(), 1);
	}

	private static String describe(ParsedFeed.Item item) {
		if (item.title() != null) {
			return "\"" + item.title() + "\"";
		}
		return item.guid() != null ? item.guid() : "without title";
	}

}
