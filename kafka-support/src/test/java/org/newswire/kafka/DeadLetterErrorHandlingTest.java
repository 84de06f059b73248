package org.newswire.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newswire.events.EventSerde;
import org.newswire.events.RawArticle;
import org.newswire.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterErrorHandlingTest {

	private final DeadLetterValueSerializer serializer = new DeadLetterValueSerializer();

	@Test
	void writesUndeserializableBytesUnchanged() {
		byte[] original = "{not json".getBytes(StandardCharsets.UTF_8);

		assertThat(this.serializer.serialize("news.raw.dlt", original)).isSameAs(original);
	}

	@Test
	void writesEventsInTheirJsonForm() {
		RawArticle article = new RawArticle(RawArticle.SCHEMA, "a1", "https://e.org/a", "https://e.org/a", "f", null,
				null, null, "T", null, Instant.parse("2025-01-01T00:00:00Z"), null, List.of(), List.of(), null, 1);

		byte[] written = this.serializer.serialize("news.raw.dlt", article);

		assertThat(EventSerde.fromJson(written, RawArticle.class)).isEqualTo(article);
	}

	@Test
	void routesFailedRecordsToDotDltTopicLettingKafkaPickThePartition() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.RAW, 2, 42L, "a1", "v");

		TopicPartition destination = DeadLetterErrorHandling.destination(record, new IllegalStateException("x"));

		assertThat(destination.topic()).isEqualTo("news.raw.dlt");
		assertThat(destination.partition()).isEqualTo(-1);
	}

	@Test
	void namesTheRootCauseInAReasonHeader() {
		Exception failure = new IllegalStateException("failed to deserialize",
				new org.newswire.events.UnknownSchemaException("RawArticle has schema 99, this reader knows 1"));

		byte[] reason = DeadLetterErrorHandling.reasonHeader(failure).lastHeader(DeadLetterErrorHandling.REASON_HEADER).value();

		assertThat(new String(reason, StandardCharsets.UTF_8))
			.isEqualTo("UnknownSchemaException: RawArticle has schema 99, this reader knows 1");
	}

}
