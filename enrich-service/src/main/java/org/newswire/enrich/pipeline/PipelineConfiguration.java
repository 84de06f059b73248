package org.newswire.enrich.pipeline;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.entity.Gazetteer;
import org.newswire.enrich.entity.GazetteerProperties;
import org.newswire.enrich.extract.ExtractProperties;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.language.LanguageProperties;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.page.PageProperties;
import org.newswire.enrich.topic.LiveTaxonomy;
import org.newswire.enrich.topic.TaxonomyProperties;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventDeserializer;
import org.newswire.events.EventSerializer;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;
import org.newswire.fetch.HttpFetcher;
import org.newswire.kafka.DeadLetterTopics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Wires the enrichment steps and their Kafka entry and exit. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	static final String LISTENER_FACTORY = "rawArticleListenerFactory";

	@Bean(destroyMethod = "close")
	HttpFetcher httpFetcher(PageProperties properties) {
		return new HttpFetcher(properties.fetch());
	}

	@Bean
	PageFetcher pageFetcher(HttpFetcher httpFetcher, PageProperties properties) {
		return new PageFetcher(httpFetcher, properties.fetchRetry(), properties.robots());
	}

	@Bean
	MainTextExtractor mainTextExtractor() {
		return new MainTextExtractor();
	}

	@Bean
	LanguageDetector languageDetector(LanguageProperties properties) {
		return new LanguageDetector(properties.languages(), properties.lowAccuracy());
	}

	@Bean(destroyMethod = "close")
	LiveTaxonomy liveTaxonomy(TaxonomyProperties properties) {
		return new LiveTaxonomy(properties.taxonomy()).watch(properties.reloadInterval());
	}

	@Bean
	EntityTagger entityTagger(GazetteerProperties properties) {
		return new EntityTagger(Gazetteer.read(properties.gazetteer()));
	}

	@Bean
	Enricher enricher(PageFetcher pages, MainTextExtractor extractor, LanguageDetector languages, LiveTaxonomy topics,
			EntityTagger entities, ExtractProperties extract, ObjectProvider<Clock> clock) {
		return new Enricher(pages, extractor, languages, topics, entities, extract.minTextLength(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	ConsumerFactory<String, RawArticle> rawArticleConsumerFactory(KafkaProperties kafka, PipelineProperties pipeline) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, pipeline.batchSize());
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ErrorHandlingDeserializer<>(new EventDeserializer<>(RawArticle.class)));
	}

	@Bean(LISTENER_FACTORY)
	@SuppressWarnings({ "unchecked", "rawtypes" })
	ConcurrentKafkaListenerContainerFactory<Object, Object> rawArticleListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, RawArticle> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		// Boot's configurer applies spring.kafka.listener.* and the shared CommonErrorHandler bean
		configurer.configure(factory, (ConsumerFactory) consumerFactory);
		factory.setBatchListener(true);
		return factory;
	}

	@Bean
	ProducerFactory<String, EnrichedArticle> enrichedArticleProducerFactory(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerializer<>());
	}

	@Bean
	KafkaTemplate<String, EnrichedArticle> enrichedArticleTemplate(
			ProducerFactory<String, EnrichedArticle> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
	}

	@Bean
	EnrichedArticlePublisher enrichedArticlePublisher(KafkaTemplate<String, EnrichedArticle> template,
			PublishProperties publish) {
		return new EnrichedArticlePublisher(template, publish.sendTimeout());
	}

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService enrichWorkers(PipelineProperties pipeline) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = runnable -> {
			Thread thread = new Thread(runnable, "enrich-worker-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		// each listener thread waits for its batch, so the queue never holds more than a few batches
		return new ThreadPoolExecutor(pipeline.workers(), pipeline.workers(), 1, TimeUnit.MINUTES,
				new LinkedBlockingQueue<>(), threads);
	}

	@Bean
	RawArticleListener rawArticleListener(Enricher enricher, EnrichedArticlePublisher publisher,
			MeterRegistry meters, ExecutorService enrichWorkers, PipelineProperties pipeline) {
		return new RawArticleListener(enricher, publisher, meters, enrichWorkers, pipeline.articleTimeout());
	}

	@Bean
	NewTopic enrichedTopic(OutputTopicProperties topic) {
		return TopicBuilder.name(Topics.ENRICHED).partitions(topic.partitions()).replicas(topic.replicas()).build();
	}

	@Bean
	KafkaAdmin.NewTopics rawDeadLetterTopic() {
		return DeadLetterTopics.declare(Topics.RAW);
	}

}
