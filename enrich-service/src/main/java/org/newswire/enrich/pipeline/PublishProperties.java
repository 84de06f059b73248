package org.newswire.enrich.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing to {@code news.enriched}: how long to wait for the broker's acknowledgement before the
 * record counts as failed (and is retried by the error handler).
 */
@Validated
@ConfigurationProperties("newswire.enrich.publish")
public record PublishProperties(@NotNull @DefaultValue("30s") Duration sendTimeout) {

}
