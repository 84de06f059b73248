package org.newswire.ingest.publish;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param topics how the output topic is created when missing
 * @param sendTimeout how long to wait for the broker's acknowledgement before the items count as not
 *     published (they are tried again on the next poll)
 */
@ConfigurationProperties("newswire.ingest")
@Validated
record PublishProperties(@Valid @NotNull Topics topics, @Valid @NotNull Publish publish) {

	/** {@code newswire.ingest.topics.*} */
	record Topics(@Min(1) int partitions, @Min(1) short replicas) {
	}

	/** {@code newswire.ingest.publish.*} */
	record Publish(@NotNull @DurationMin(seconds = 1) Duration sendTimeout) {
	}

}
