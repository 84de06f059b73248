package org.newswire.ingest.poll;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.fetch.HttpFetcher;
import org.newswire.ingest.dedup.SeenArticles;
import org.newswire.ingest.normalize.ItemNormalizer;
import org.newswire.ingest.parse.FeedParser;
import org.newswire.ingest.publish.RawArticlePublisher;
import org.newswire.ingest.registry.FeedOwnership;
import org.newswire.ingest.registry.FeedRegistry;
import org.newswire.ingest.registry.FeedRegistryView;
import org.newswire.ingest.registry.FeedStateWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PollConfig {

	@Bean(destroyMethod = "close")
	HttpFetcher feedFetcher(FeedFetchProperties properties) {
		return new HttpFetcher(properties.fetch());
	}

	@Bean
	FeedPoller feedPoller(PollProperties properties, HttpFetcher feedFetcher, FeedParser parser,
			ItemNormalizer normalizer, SeenArticles seen, RawArticlePublisher publisher, MeterRegistry registry,
			FeedRegistry feedRegistry, FeedRegistryView view, FeedOwnership ownership, FeedStateWriter stateWriter,
			Clock clock, @Value("${newswire.ingest.registry.read-timeout}") Duration readTimeout) {
		IngestMetrics metrics = new IngestMetrics(registry, seen);
		PollSchedule schedule = new PollSchedule(properties.interval(), properties.maxInterval(),
				properties.maxBackoff(), properties.maxRetryAfter(), properties.jitter());
		FeedIngestor ingestor = new FeedIngestor(feedFetcher, parser, normalizer, seen, publisher, metrics, schedule,
				properties.maxItemsPerFeed(), properties.seenPerFeed(), properties.seenRetention());
		return new FeedPoller(properties, ingestor, seen, feedRegistry, view, ownership, stateWriter, clock,
				readTimeout, metrics);
	}

}
