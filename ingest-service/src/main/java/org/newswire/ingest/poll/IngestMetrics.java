package org.newswire.ingest.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.ingest.dedup.SeenArticles;

/**
 * {@code newswire.ingest.polls{outcome}}: polls of a feed by outcome;
 * {@code newswire.ingest.items{outcome=published|already-seen|rejected|publish-failed}}: feed items;
 * {@code newswire.ingest.seen.ids}: article ids remembered for de-duplication.
 */
class IngestMetrics {

	private final MeterRegistry registry;

	IngestMetrics(MeterRegistry registry, SeenArticles seen) {
		this.registry = registry;
		for (FeedPollResult.Outcome outcome : FeedPollResult.Outcome.values()) {
			polls(outcome);
		}
		Gauge.builder("newswire.ingest.seen.ids", seen, SeenArticles::size)
			.description("Article ids remembered as already published")
			.register(registry);
	}

	void record(FeedPollResult result) {
		polls(result.outcome()).increment();
		items("published").increment(result.published());
		items("already-seen").increment(result.alreadySeen());
		items("rejected").increment(result.rejected());
	}

	void publishFailed(int count) {
		items("publish-failed").increment(count);
	}

	private Counter polls(FeedPollResult.Outcome outcome) {
		return Counter.builder("newswire.ingest.polls")
			.description("Polls of a feed, by outcome")
			.tag("outcome", outcome.tag())
			.register(registry);
	}

	private Counter items(String outcome) {
		return Counter.builder("newswire.ingest.items")
			.description("Feed items, by what happened to them")
			.tag("outcome", outcome)
			.register(registry);
	}

}
