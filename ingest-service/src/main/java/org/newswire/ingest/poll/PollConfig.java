package org.newswire.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.fetch.HttpFetcher;
import org.newswire.ingest.dedup.SeenArticles;
import org.newswire.ingest.normalize.ItemNormalizer;
import org.newswire.ingest.parse.FeedParser;
import org.newswire.ingest.publish.RawArticlePublisher;

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
			ItemNormalizer normalizer, SeenArticles seen, RawArticlePublisher publisher, MeterRegistry registry) {
		FeedIngestor ingestor = new FeedIngestor(feedFetcher, parser, normalizer, seen, publisher,
				new IngestMetrics(registry, seen), properties.maxItemsPerFeed());
		return new FeedPoller(properties, ingestor, seen);
	}

}
