package org.newswire.ingest.poll;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * One poll of one feed: conditional fetch, skip if the body hash is unchanged, parse, normalise, drop
 * what was already published, publish the rest and remember what the broker acknowledged.
 */
class FeedIngestor {

	private static final int MAX_REASONS_IN_DETAIL = 3;

	private static final String FEED_MEDIA_TYPES = "application/rss+xml, application/atom+xml, application/rdf+xml, "
			+ "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

	private final HttpFetcher fetcher;

	private final FeedParser parser;

	private final ItemNormalizer normalizer;

	private final SeenArticles seen;

	private final RawArticlePublisher publisher;

	private final IngestMetrics metrics;

	private final int maxItemsPerFeed;

	FeedIngestor(HttpFetcher fetcher, FeedParser parser, ItemNormalizer normalizer, SeenArticles seen,
			RawArticlePublisher publisher, IngestMetrics metrics, int maxItemsPerFeed) {
		this.fetcher = fetcher;
		this.parser = parser;
		this.normalizer = normalizer;
		this.seen = seen;
		this.publisher = publisher;
		this.metrics = metrics;
		this.maxItemsPerFeed = maxItemsPerFeed;
	}

	/** Polls {@code feedUrl} and returns the result together with the state to remember for next time. */
	Polled poll(URI feedUrl, FeedState state) {
		FetchResult response;
		try {
			response = fetcher
				.fetch(new FetchRequest(feedUrl, state.etag(), state.lastModified()).accepting(FEED_MEDIA_TYPES));
		}
		catch (FetchException ex) {
			String status = ex.httpStatus() > 0 ? " " + ex.httpStatus() : "";
			return failed(state, FeedPollResult.failed(feedUrl, Outcome.FETCH_FAILED,
					ex.reason() + status + ": " + ex.getMessage()));
		}
		if (response.notModified()) {
			return succeeded(state, FeedPollResult.quiet(feedUrl, Outcome.NOT_MODIFIED), response, state.bodySha256());
		}
		String bodySha256 = sha256(response.body());
		if (bodySha256.equals(state.bodySha256())) {
			return succeeded(state, FeedPollResult.quiet(feedUrl, Outcome.UNCHANGED), response, bodySha256);
		}
		ParsedFeed feed;
		try {
			feed = parser.parse(response.body(), response.finalUrl() != null ? response.finalUrl() : feedUrl,
					response.declaredCharset());
		}
		catch (NotAFeedException ex) {
			return failed(state, FeedPollResult.failed(feedUrl, Outcome.NOT_A_FEED, ex.getMessage()));
		}
		catch (MalformedFeedException ex) {
			return failed(state, FeedPollResult.failed(feedUrl, Outcome.MALFORMED, ex.getMessage()));
		}
		return publishNew(feedUrl, feed, state, response, bodySha256);
	}

	/** Records a poll that ended in an unexpected exception. */
	Polled error(URI feedUrl, FeedState state, RuntimeException ex) {
		return failed(state, FeedPollResult.failed(feedUrl, Outcome.ERROR, ex.toString()));
	}

	private Polled publishNew(URI feedUrl, ParsedFeed feed, FeedState state, FetchResult response,
			String bodySha256) {
		List<ParsedFeed.Item> items = feed.items();
		List<String> reasons = new ArrayList<>();
		if (items.size() > maxItemsPerFeed) {
			reasons.add("feed has " + items.size() + " items, only the first " + maxItemsPerFeed + " were read");
			items = items.subList(0, maxItemsPerFeed);
		}
		List<RawArticle> fresh = new ArrayList<>();
		Set<String> idsInThisFeed = new HashSet<>();
		int alreadySeen = 0;
		int rejected = 0;
		for (ParsedFeed.Item item : items) {
			RawArticle article;
			try {
				article = normalizer.normalize(item, feed, feedUrl);
			}
			catch (UnusableItemException ex) {
				rejected++;
				reasons.add(ex.getMessage());
				continue;
			}
			if (!idsInThisFeed.add(article.articleId()) || seen.contains(article.articleId())) {
				alreadySeen++;
			}
			else {
				fresh.add(article);
			}
		}
		RawArticlePublisher.Report report = publisher.publish(fresh);
		report.published().forEach(article -> seen.markPublished(article.articleId()));
		int published = report.published().size();
		if (!report.failed().isEmpty()) {
			metrics.publishFailed(report.failed().size());
			Map.Entry<String, Exception> first = report.failed().entrySet().iterator().next();
			String detail = report.failed().size() + " of " + fresh.size() + " items not acknowledged, e.g. "
					+ first.getKey() + ": " + first.getValue();
			return failed(state, new FeedPollResult(feedUrl, Outcome.PUBLISH_FAILED, published, alreadySeen, rejected,
					detail));
		}
		Outcome outcome = published > 0 ? Outcome.NEW_ITEMS : Outcome.NO_NEW_ITEMS;
		return succeeded(state, new FeedPollResult(feedUrl, outcome, published, alreadySeen, rejected,
				summarise(reasons)), response, bodySha256);
	}

	private static String summarise(List<String> reasons) {
		if (reasons.isEmpty()) {
			return null;
		}
		String shown = String.join("; ", reasons.subList(0, Math.min(MAX_REASONS_IN_DETAIL, reasons.size())));
		return reasons.size() > MAX_REASONS_IN_DETAIL ? shown + "; and " + (reasons.size() - MAX_REASONS_IN_DETAIL)
				+ " more" : shown;
	}

	private Polled succeeded(FeedState state, FeedPollResult result, FetchResult response, String bodySha256) {
		String etag = response.etag() != null ? response.etag() : (response.notModified() ? state.etag() : null);
		String lastModified = response.lastModified() != null ? response.lastModified()
				: (response.notModified() ? state.lastModified() : null);
		return record(new Polled(result, new FeedState(etag, lastModified, bodySha256, result, 0)));
	}

	private Polled failed(FeedState state, FeedPollResult result) {
		return record(new Polled(result, new FeedState(state.etag(), state.lastModified(), state.bodySha256(),
				result, state.consecutiveFailures() + 1)));
	}

	private Polled record(Polled polled) {
		metrics.record(polled.result());
		return polled;
	}

	static String sha256(byte[] body) {
		try {
			return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	record Polled(FeedPollResult result, FeedState state) {
	}

}
