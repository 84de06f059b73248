package org.newswire.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.pipeline.Enricher;
import org.newswire.enrich.topic.LiveTaxonomy;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventSerde;
import org.newswire.events.Extraction;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;
import org.newswire.testsupport.TopicReader;
import org.newswire.testsupport.NewswireStack;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article whose enrichment throws is still published, from its feed data with the failure in
 * {@code extraction}, and the articles around it on the same partition go through.
 */
@NewswireStack(elasticsearch = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.kafka.consumer.group-id=enrich-failure-it", "newswire.enrich.fetch.allowed-hosts=127.0.0.1" })
class EnrichmentFailureIT {

	@TestConfiguration
	static class ThrowingEnricher {

		/** Throws for article ids starting with "boom-", as an unforeseen bug in one step would. */
		@Bean
		@Primary
		Enricher throwingEnricher(PageFetcher pages, MainTextExtractor extractor, LanguageDetector languages,
				LiveTaxonomy topics, EntityTagger entities) {
			return new Enricher(pages, extractor, languages, topics, entities, 200, Clock.systemUTC()) {
				@Override
				public Result enrichInDetail(RawArticle raw) {
					if (raw.articleId().startsWith("boom-")) {
						throw new IllegalStateException("unforeseen bug");
					}
					return super.enrichInDetail(raw);
				}
			};
		}

	}

	@Test
	void publishesAnArticleWhoseEnrichmentThrowsFromItsFeedDataAndKeepsGoing() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
		RawArticle before = raw("before-" + run);
		RawArticle boom = raw("boom-" + run);
		RawArticle after = raw("after-" + run);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
				TopicReader enriched = new TopicReader(bootstrap, Topics.ENRICHED)) {
			for (RawArticle raw : List.of(before, boom, after)) {
				producer.send(new ProducerRecord<>(Topics.RAW, 0, raw.articleId(), EventSerde.toJson(raw)))
					.get(30, TimeUnit.SECONDS);
			}

			EnrichedArticle failed = EventSerde.fromJson(enriched.awaitKey(boom.articleId()).value(), EnrichedArticle.class);
			assertThat(failed.extraction().status()).isEqualTo(Extraction.NO_TEXT);
			assertThat(failed.extraction().detail()).contains("enrichment failed").contains("unforeseen bug");
			assertThat(failed.text()).isEqualTo(boom.summary());
			assertThat(failed.topics()).extracting(t -> t.id()).contains("sanctions");
			for (RawArticle ok : List.of(before, after)) {
				EnrichedArticle article = EventSerde.fromJson(enriched.awaitKey(ok.articleId()).value(), EnrichedArticle.class);
				assertThat(article.extraction().status()).isEqualTo(Extraction.FETCH_FAILED);
			}
		}
	}

	private static RawArticle raw(String id) {
		// port 9 (discard) on loopback: refused at once, so the others publish quickly as fetch-failed
		String url = "http://127.0.0.1:9/" + id;
		return new RawArticle(RawArticle.SCHEMA, id, url, url, "feed-test", null, null, url,
				"EU adopts new sanctions package against Russia",
				"The EU adopted new sanctions against Russian banks on Monday, widening the asset freeze.",
				Instant.now().minusSeconds(60), Instant.now(), List.of(), List.of(), null, 1);
	}

}
