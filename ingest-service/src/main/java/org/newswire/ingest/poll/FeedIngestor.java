package org.newswire.ingest.poll;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newswire.events.Feed;
import org.newswire.events.RawArticle;
import org.newswire.fetch.FetchException;
import org.newswire.fetch.FetchRequest;
import org.newswire.fetch.FetchResult;
import org.newswire.fetch.HttpFetcher;
import org.newswire.ingest.dedup.SeenArticles;
import org.newswire.ingest.normalize.ItemNormalizer;
import org.newswire.ingest.normalize.UnusableItemException;
import org.newswire.ingest.parse.FeedParser;
import org.newswire.ingest.parse.MalformedFeedException;
import org.newswire.ingest.parse.NotAFeedException;
import org.newswire.ingest.parse.ParsedFeed;
import org.newswire.ingest.publish.RawArticlePublisher;

import static org.newswire.ingest.poll.FeedPollResult.Outcome;

/**
 * One poll of one feed: conditional fetch, skip if the body hash is unchanged (servers' validators are
 * not trusted alone), parse, cap the items (newest first), normalise, drop what this feed or any other
 * already published, publish the rest, remember what the broker acknowledged, and work out the next poll.
 */
class FeedIngestor {

	private static final int MAX_REASONS_IN_DETAIL = 3;

	private static final String FEED_MEDIA_TYPES = "application/rss+xml, application/atom+xml, application/rdf+xml, "
			+ "application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.7";

	private final HttpFetcher fetcher;

	private final FeedParser parser;

	private final ItemNormalizer normalizer;

	private final SeenArticles seen;

	private final RawArticlePublisher publisher;

	private final IngestMetrics metrics;

	private final PollSchedule schedule;

	private final int maxItemsPerFeed;

	private final int maxSeenPerFeed;

	private final Duration seenRetention;

	FeedIngestor(HttpFetcher fetcher, FeedParser parser, ItemNormalizer normalizer, SeenArticles seen,
			RawArticlePublisher publisher, IngestMetrics metrics, PollSchedule schedule, int maxItemsPerFeed,
			int maxSeenPerFeed, Duration seenRetention) {
		this.fetcher = fetcher;
		this.parser = parser;
		this.normalizer = normalizer;
		this.seen = seen;
		this.publisher = publisher;
		this.metrics = metrics;
		this.schedule = schedule;
		this.maxItemsPerFeed = maxItemsPerFeed;
		this.maxSeenPerFeed = Math.max(maxSeenPerFeed, maxItemsPerFeed);
		this.seenRetention = seenRetention;
	}

	/** Polls the feed and returns the result together with the state to remember for next time. */
	Polled poll(Feed feed, FeedStatus status, Instant now) {
		URI feedUrl = URI.create(feed.url());
		long started = System.nanoTime();
		FetchResult response;
		try {
			response = fetcher
				.fetch(new FetchRequest(feedUrl, status.etag(), status.lastModified()).accepting(FEED_MEDIA_TYPES));
		}
		catch (FetchException ex) {
			String httpStatus = ex.httpStatus() > 0 ? " " + ex.httpStatus() : "";
			return failed(feed, status, now, started, 0,
					FeedPollResult.failed(feedUrl, Outcome.FETCH_FAILED, ex.reason() + httpStatus + ": " + ex.getMessage()),
					ErrorClass.of(ex), ex.retryAfter().orElse(null), List.of());
		}
		Duration maxAge = response.header("Cache-Control").flatMap(PollSchedule::maxAge).orElse(null);
		if (response.notModified()) {
			return succeeded(feed, status, now, started, 0, FeedPollResult.quiet(feedUrl, Outcome.NOT_MODIFIED), response,
					status.bodySha256(), status.seenItems(), 0, 0, maxAge, status.repairs());
		}
		String bodySha256 = sha256(response.body());
		if (bodySha256.equals(status.bodySha256())) {
			return succeeded(feed, status, now, started, response.body().length,
					FeedPollResult.quiet(feedUrl, Outcome.UNCHANGED), response, bodySha256, status.seenItems(), 0, 0,
					maxAge, status.repairs());
		}
		ParsedFeed parsed;
		try {
			parsed = parser.parse(response.body(), response.finalUrl() != null ? response.finalUrl() : feedUrl,
					response.declaredCharset());
		}
		catch (NotAFeedException ex) {
			return failed(feed, status, now, started, response.body().length,
					FeedPollResult.failed(feedUrl, Outcome.NOT_A_FEED, ex.getMessage()), ErrorClass.HARD, null,
					ex.advertisedFeeds());
		}
		catch (MalformedFeedException ex) {
			return failed(feed, status, now, started, response.body().length,
					FeedPollResult.failed(feedUrl, Outcome.MALFORMED, ex.getMessage()), ErrorClass.HARD, null, List.of());
		}
		return publishNew(feed, feedUrl, parsed, status, now, started, response, bodySha256, maxAge);
	}

	/** Records a poll that ended in an unexpected exception. */
	Polled error(Feed feed, FeedStatus status, Instant now, RuntimeException ex) {
		return failed(feed, status, now, System.nanoTime(), 0,
				FeedPollResult.failed(URI.create(feed.url()), Outcome.ERROR, ex.toString()), ErrorClass.SOFT, null,
				List.of());
	}

	private Polled publishNew(Feed feed, URI feedUrl, ParsedFeed parsed, FeedStatus status, Instant now, long started,
			FetchResult response, String bodySha256, Duration maxAge) {
		List<ParsedFeed.Item> items = parsed.items();
		List<String> reasons = new ArrayList<>();
		if (items.size() > maxItemsPerFeed) {
			reasons.add("feed has " + items.size() + " items, only the newest " + maxItemsPerFeed + " were read");
			items = newest(items, maxItemsPerFeed);
		}
		Map<String, Instant> seenItems = new LinkedHashMap<>(status.seenItems());
		List<RawArticle> fresh = new ArrayList<>();
		Set<String> idsInThisFeed = new HashSet<>();
		int alreadySeen = 0;
		int rejected = 0;
		for (ParsedFeed.Item item : items) {
			RawArticle article;
			try {
				article = normalizer.normalize(item, parsed, feedUrl);
			}
			catch (UnusableItemException ex) {
				rejected++;
				reasons.add(ex.getMessage());
				continue;
			}
			String id = article.articleId();
			if (!idsInThisFeed.add(id)) {
				alreadySeen++;
			}
			else if (seenItems.containsKey(id) || seen.contains(id)) {
				alreadySeen++;
				seenItems.putIfAbsent(id, now);
			}
			else {
				fresh.add(article);
			}
		}
		RawArticlePublisher.Report report = publisher.publish(fresh);
		for (RawArticle article : report.published()) {
			seen.markPublished(article.articleId());
			seenItems.put(article.articleId(), now);
		}
		int published = report.published().size();
		Map<String, Instant> bounded = bound(seenItems, idsInThisFeed, now);
		if (!report.failed().isEmpty()) {
			metrics.publishFailed(feed.id(), report.failed().size());
			Map.Entry<String, Exception> first = report.failed().entrySet().iterator().next();
			String detail = report.failed().size() + " of " + fresh.size() + " items not acknowledged, e.g. "
					+ first.getKey() + ": " + first.getValue();
			FeedStatus partial = new FeedStatus(FeedStatus.SCHEMA, status.feedId(), status.url(), status.lastAttempt(),
					status.lastSuccess(), status.lastOutcome(), status.lastError(), status.errorClass(),
					status.consecutiveFailures(), status.failureWeight(), status.nextPollAt(), status.interval(),
					status.itemsSeen() + published + alreadySeen, status.itemsPublished() + published, status.etag(),
					status.lastModified(), status.bodySha256(), status.newItemsPerDay(), parsed.repairs(),
					List.of(), bounded);
			return failed(feed, partial, now, started, response.body().length, new FeedPollResult(feedUrl,
					Outcome.PUBLISH_FAILED, published, alreadySeen, rejected, detail), ErrorClass.SOFT, null, List.of());
		}
		Outcome outcome = published > 0 ? Outcome.NEW_ITEMS : Outcome.NO_NEW_ITEMS;
		Duration hint = longer(parsed.refreshHint(), maxAge);
		double rate = status.lastSuccess() == null ? initialRate(items, now)
				: PollSchedule.rate(status.newItemsPerDay(), published,
						Duration.between(status.lastSuccess(), now), false);
		FeedStatus withRate = new FeedStatus(status.schema(), status.feedId(), status.url(), status.lastAttempt(),
				status.lastSuccess(), status.lastOutcome(), status.lastError(), status.errorClass(),
				status.consecutiveFailures(), status.failureWeight(), status.nextPollAt(), status.interval(),
				status.itemsSeen(), status.itemsPublished(), status.etag(), status.lastModified(), status.bodySha256(),
				rate, status.repairs(), status.advertisedFeeds(), status.seenItems());
		return succeeded(feed, withRate, now, started, response.body().length,
				new FeedPollResult(feedUrl, outcome, published, alreadySeen, rejected, summarise(reasons)), response,
				bodySha256, bounded, published, published + alreadySeen, hint, parsed.repairs());
	}

	/** New items per day as the items' own dates tell (last 7 days), -1 when they give no dates. */
	private static double initialRate(List<ParsedFeed.Item> items, Instant now) {
		Instant weekAgo = now.minus(Duration.ofDays(7));
		int dated = 0;
		int recent = 0;
		for (ParsedFeed.Item item : items) {
			Instant date = item.publishedAt() != null ? item.publishedAt() : item.updatedAt();
			if (date != null) {
				dated++;
				if (date.isAfter(weekAgo)) {
					recent++;
				}
			}
		}
		return dated == 0 ? -1 : recent / 7.0;
	}

	static List<ParsedFeed.Item> newest(List<ParsedFeed.Item> items, int max) {
		List<ParsedFeed.Item> sorted = new ArrayList<>(items);
		// stable: undated items keep document order after the dated ones
		sorted.sort(Comparator.comparing((ParsedFeed.Item item) -> item.publishedAt() != null ? item.publishedAt()
				: item.updatedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
		return sorted.subList(0, max);
	}

	/** Keeps what is in the feed now, then the most recently first-seen others, within count and age bounds. */
	private Map<String, Instant> bound(Map<String, Instant> seenItems, Set<String> current, Instant now) {
		Instant oldest = now.minus(seenRetention);
		List<Map.Entry<String, Instant>> others = new ArrayList<>();
		Map<String, Instant> kept = new LinkedHashMap<>();
		for (Map.Entry<String, Instant> entry : seenItems.entrySet()) {
			if (current.contains(entry.getKey())) {
				kept.put(entry.getKey(), entry.getValue());
			}
			else if (entry.getValue().isAfter(oldest)) {
				others.add(entry);
			}
		}
		others.sort(Map.Entry.<String, Instant>comparingByValue().reversed());
		for (Map.Entry<String, Instant> entry : others) {
			if (kept.size() >= maxSeenPerFeed) {
				break;
			}
			kept.put(entry.getKey(), entry.getValue());
		}
		return kept;
	}

	private static Duration longer(Duration a, Duration b) {
		if (a == null) {
			return b;
		}
		return b == null || a.compareTo(b) >= 0 ? a : b;
	}

	private static String summarise(List<String> reasons) {
		if (reasons.isEmpty()) {
			return null;
		}
		String shown = String.join("; ", reasons.subList(0, Math.min(MAX_REASONS_IN_DETAIL, reasons.size())));
		return reasons.size() > MAX_REASONS_IN_DETAIL ? shown + "; and " + (reasons.size() - MAX_REASONS_IN_DETAIL)
				+ " more" : shown;
	}

	private Polled succeeded(Feed feed, FeedStatus status, Instant now, long started, long bytes,
			FeedPollResult result, FetchResult response, String bodySha256, Map<String, Instant> seenItems,
			int published, int itemsSeen, Duration hint, List<String> repairs) {
		String etag = response.etag() != null ? response.etag() : (response.notModified() ? status.etag() : null);
		String lastModified = response.lastModified() != null ? response.lastModified()
				: (response.notModified() ? status.lastModified() : null);
		Duration interval = schedule.afterSuccess(status.newItemsPerDay(), hint, minOf(feed), maxOf(feed));
		FeedStatus next = new FeedStatus(FeedStatus.SCHEMA, feed.id(), feed.url(), now, now, result.outcome().tag(),
				null, null, 0, 0, schedule.next(now, interval), interval, status.itemsSeen() + itemsSeen,
				status.itemsPublished() + published, etag, lastModified, bodySha256, status.newItemsPerDay(), repairs,
				List.of(), seenItems);
		return record(feed, new Polled(result, next), started, bytes);
	}

	private Polled failed(Feed feed, FeedStatus status, Instant now, long started, long bytes, FeedPollResult result,
			ErrorClass errorClass, Duration retryAfter, List<String> advertisedFeeds) {
		double weight = status.failureWeight() + errorClass.weight();
		Duration normal = status.interval() != null ? status.interval() : minOf(feed);
		Duration delay = schedule.afterFailure(normal, weight, retryAfter);
		FeedStatus next = new FeedStatus(FeedStatus.SCHEMA, feed.id(), feed.url(), now, status.lastSuccess(),
				result.outcome().tag(), result.detail(), errorClass.tag(), status.consecutiveFailures() + 1, weight,
				schedule.next(now, delay), status.interval(), status.itemsSeen(), status.itemsPublished(), status.etag(),
				status.lastModified(), status.bodySha256(), status.newItemsPerDay(), status.repairs(), advertisedFeeds,
				status.seenItems());
		return record(feed, new Polled(result.withErrorClass(errorClass), next), started, bytes);
	}

	private Duration minOf(Feed feed) {
		Duration min = feed.settings().minInterval();
		return min != null ? min : schedule.minInterval();
	}

	private static Duration maxOf(Feed feed) {
		return feed.settings().maxInterval();
	}

	private Polled record(Feed feed, Polled polled, long started, long bytes) {
		metrics.record(feed.id(), polled.result(), bytes, Duration.ofNanos(System.nanoTime() - started));
		return polled;
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	record Polled(FeedPollResult result, FeedStatus status) {
	}

}
