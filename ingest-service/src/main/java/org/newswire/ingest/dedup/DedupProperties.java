package org.newswire.ingest.dedup;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxEntries how many article ids are remembered; the least recently seen are forgotten first
 * @param replayTimeout how long rebuilding the memory from {@code news.raw} may take before it is retried
 */
@ConfigurationProperties("newswire.ingest.dedup")
@Validated
record DedupProperties(@Min(1000) int maxEntries, @NotNull @DurationMin(seconds = 1) Duration replayTimeout) {
}
