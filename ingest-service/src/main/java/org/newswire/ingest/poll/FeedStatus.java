package org.newswire.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything ingest remembers about one feed between polls, persisted after each poll to the compacted
 * {@code news.feeds.state} topic (keyed by feed id, co-partitioned with {@code news.feeds}), so it
 * survives restarts and moves with the feed to whichever instance owns it.
 *
 * @param seenItems article ids of the feed's items with the time each was first seen; bounded (the
 *     oldest that are no longer in the feed are forgotten first), so de-duplication outlives an item's
 *     presence in the feed
 * @param failureWeight the sum of the error-class weights of the consecutive failures (drives back-off)
 * @param newItemsPerDay the feed's observed rate of new items (exponentially smoothed)
 */
public record FeedStatus(int schema, String feedId, String url, Instant lastAttempt, Instant lastSuccess,
		String lastOutcome, String lastError, String errorClass, int consecutiveFailures, double failureWeight,
		Instant nextPollAt, Duration interval, long itemsSeen, long itemsPublished, String etag,
		String lastModified, String bodySha256, double newItemsPerDay, List<String> repairs,
		List<String> advertisedFeeds, Map<String, Instant> seenItems) {

	public static final int SCHEMA = 1;

	public FeedStatus {
		repairs = repairs == null ? List.of() : List.copyOf(repairs);
		advertisedFeeds = advertisedFeeds == null ? List.of() : List.copyOf(advertisedFeeds);
		seenItems = seenItems == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seenItems));
	}

	/** A feed never polled: due now. */
	public static FeedStatus fresh(String feedId, String url, Instant now) {
		return new FeedStatus(SCHEMA, feedId, url, null, null, null, null, null, 0, 0, now, null, 0, 0, null, null,
				null, 0, List.of(), List.of(), Map.of());
	}

	public boolean failing() {
		return consecutiveFailures > 0;
	}

	FeedStatus withNextPoll(Instant next) {
		return new FeedStatus(schema, feedId, url, lastAttempt, lastSuccess, lastOutcome, lastError, errorClass,
				consecutiveFailures, failureWeight, next, interval, itemsSeen, itemsPublished, etag, lastModified,
				bodySha256, newItemsPerDay, repairs, advertisedFeeds, seenItems);
	}

}
