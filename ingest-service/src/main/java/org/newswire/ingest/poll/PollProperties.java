package org.newswire.ingest.poll;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newswire.ingest.poll.*}
 * @param feedUrls the feeds to poll (env {@code NEWSWIRE_INGEST_POLL_FEEDURLS}, comma-separated)
 * @param interval pause between the end of one polling cycle and the start of the next
 * @param initialDelay pause before the first cycle after start-up
 * @param maxItemsPerFeed items considered per feed and poll, in document order; the rest are reported
 */
@ConfigurationProperties("newswire.ingest.poll")
@Validated
public record PollProperties(List<URI> feedUrls, @NotNull @DurationMin(seconds = 1) Duration interval,
		@NotNull @DurationMin(millis = 0) Duration initialDelay, @Positive int maxItemsPerFeed) {

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
