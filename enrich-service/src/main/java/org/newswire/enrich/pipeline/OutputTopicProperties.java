package org.newswire.enrich.pipeline;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The {@code news.enriched} topic this service declares: its partitions and replicas. */
@Validated
@ConfigurationProperties("newswire.enrich.topics")
public record OutputTopicProperties(@Min(1) @DefaultValue("3") int partitions,
		@Min(1) @DefaultValue("1") short replicas) {

}
