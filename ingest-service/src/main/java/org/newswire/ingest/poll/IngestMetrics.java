package org.newswire.ingest.poll;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newswire.ingest.dedup.SeenArticles;

/**
 * Totals: {@code newswire.ingest.polls{outcome,class}}, {@code newswire.ingest.items{outcome=published|
 * already-seen|rejected|publish-failed}}, {@code newswire.ingest.bytes}, {@code newswire.ingest.poll.latency},
 * {@code newswire.ingest.feeds{state=owned|failing|overdue}} and {@code newswire.ingest.seen.ids}.
 * Per feed, the same with a {@code feed} tag (the feed id): {@code newswire.ingest.feed.polls},
 * {@code newswire.ingest.feed.items}, {@code newswire.ingest.feed.bytes}, {@code newswire.ingest.feed.poll.latency}.
 */
class IngestMetrics {

	private final MeterRegistry registry;

	IngestMetrics(MeterRegistry registry, SeenArticles seen) {
		this.registry = registry;
		for (FeedPollResult.Outcome outcome : FeedPollResult.Outcome.values()) {
			polls(outcome, null);
		}
		Gauge.builder("newswire.ingest.seen.ids", seen, SeenArticles::size)
			.description("Article ids remembered as already published")
			.register(registry);
	}

	void feedGauges(Supplier<FeedCounts> counts) {
		Gauge.builder("newswire.ingest.feeds", () -> counts.get().owned()).tag("state", "owned")
			.description("Feeds this instance polls, and how many of them are failing or overdue")
			.register(registry);
		Gauge.builder("newswire.ingest.feeds", () -> counts.get().failing()).tag("state", "failing")
			.description("Feeds this instance polls, and how many of them are failing or overdue")
			.register(registry);
		Gauge.builder("newswire.ingest.feeds", () -> counts.get().overdue()).tag("state", "overdue")
			.description("Feeds this instance polls, and how many of them are failing or overdue")
			.register(registry);
	}

	void record(String feedId, FeedPollResult result, long bytes, Duration latency) {
		polls(result.outcome(), result.errorClass()).increment();
		Counter.builder("newswire.ingest.feed.polls").tag("feed", feedId).tag("outcome", result.outcome().tag())
			.register(registry).increment();
		items("published", feedId, result.published());
		items("already-seen", feedId, result.alreadySeen());
		items("rejected", feedId, result.rejected());
		Counter.builder("newswire.ingest.bytes").description("Feed bytes received").register(registry).increment(bytes);
		Counter.builder("newswire.ingest.feed.bytes").tag("feed", feedId).register(registry).increment(bytes);
		Timer.builder("newswire.ingest.poll.latency").description("Time to poll a feed (fetch, parse, publish)")
			.register(registry).record(latency);
		Timer.builder("newswire.ingest.feed.poll.latency").tag("feed", feedId).register(registry).record(latency);
	}

	void publishFailed(String feedId, int count) {
		items("publish-failed", feedId, count);
	}

	private void items(String outcome, String feedId, int count) {
		Counter.builder("newswire.ingest.items").description("Feed items, by what happened to them")
			.tag("outcome", outcome).register(registry).increment(count);
		if (count > 0) {
			Counter.builder("newswire.ingest.feed.items").tag("feed", feedId).tag("outcome", outcome)
				.register(registry).increment(count);
		}
	}

	private Counter polls(FeedPollResult.Outcome outcome, ErrorClass errorClass) {
		return Counter.builder("newswire.ingest.polls")
			.description("Polls of a feed, by outcome and error class")
			.tag("outcome", outcome.tag())
			.tag("class", errorClass == null ? "none" : errorClass.tag())
			.register(registry);
	}

	record FeedCounts(int owned, int failing, int overdue) {
	}

}
