package org.newswire.enrich.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How raw articles are worked through ({@code newswire.enrich.pipeline.*}): up to
 * {@code batchSize} records per poll are enriched at once on {@code workers} threads; an article
 * whose page has not been fetched and processed within {@code articleTimeout} of the batch's start
 * is published from its feed data ({@code fetch-failed}), so a slow host holds a partition back by
 * at most that long.
 */
@Validated
@ConfigurationProperties("newswire.enrich.pipeline")
public record PipelineProperties(@Min(1) @Max(256) @DefaultValue("16") int workers,
		@Min(1) @Max(1000) @DefaultValue("32") int batchSize, @NotNull @DefaultValue("60s") Duration articleTimeout) {

}
