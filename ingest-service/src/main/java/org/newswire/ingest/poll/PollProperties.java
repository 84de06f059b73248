package org.newswire.ingest.poll;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newswire.ingest.poll.*}
 * @param feedUrls feeds registered at start-up if not registered yet (env {@code NEWSWIRE_INGEST_POLL_FEEDURLS},
 *     comma-separated); the registry ({@code /api/feeds}) is the list that is polled
 * @param interval the shortest interval between two polls of a feed (the adaptive interval's floor)
 * @param maxInterval the longest interval between two polls of a healthy feed
 * @param maxBackoff the longest pause after failures; a failing feed is retried at least this often, forever
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param jitter the fraction by which each interval is randomly lengthened or shortened
 * @param initialDelay pause after start-up before the first poll
 * @param concurrency feeds polled at once by this instance (per-host politeness is the fetcher's)
 * @param maxItemsPerFeed items considered per feed and poll, newest first; the rest are reported
 * @param seenPerFeed article ids remembered per feed for de-duplication (at least {@code maxItemsPerFeed})
 * @param seenRetention how long an id no longer in its feed is remembered
 */
@ConfigurationProperties("newswire.ingest.poll")
@Validated
public record PollProperties(List<URI> feedUrls, @NotNull @DurationMin(seconds = 1) Duration interval,
		@NotNull @DurationMin(seconds = 1) Duration maxInterval, @NotNull @DurationMin(seconds = 1) Duration maxBackoff,
		@NotNull @DurationMin(seconds = 0) Duration maxRetryAfter, @DecimalMin("0.0") @DecimalMax("0.5") double jitter,
		@NotNull @DurationMin(millis = 0) Duration initialDelay, @Min(1) int concurrency, @Positive int maxItemsPerFeed,
		@Positive int seenPerFeed, @NotNull @DurationMin(hours = 1) Duration seenRetention) {

	public PollProperties {
		feedUrls = feedUrls == null ? List.of() : List.copyOf(feedUrls);
		for (URI url : feedUrls) {
			String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
				throw new IllegalArgumentException(
						"newswire.ingest.poll.feed-urls: not an absolute http(s) URL: \"" + url + "\"");
			}
		}
	}

}
