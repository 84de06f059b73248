package org.newswire.kafka;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Back-off for records whose processing failed with a transient error, before they go to the
 * dead-letter topic. Defaults: 1 s doubling to at most 30 s, 6 retries (about 1.5 minutes).
 */
@Validated
@ConfigurationProperties("newswire.kafka.retry")
public record KafkaRetryProperties(@NotNull @DefaultValue("1s") Duration initialInterval,
		@Positive @DefaultValue("2.0") double multiplier, @NotNull @DefaultValue("30s") Duration maxInterval,
		@PositiveOrZero @DefaultValue("6") int maxRetries) {

}
