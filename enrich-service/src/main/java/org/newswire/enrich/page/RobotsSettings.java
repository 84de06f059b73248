package org.newswire.enrich.page;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * robots.txt handling ({@code newswire.enrich.robots.*}): whether it is honoured, how long a host's
 * file is kept, how soon a host whose file could not be read (5xx, timeout; nothing is fetched from
 * it meanwhile) is asked again, how many hosts are remembered, and the longest Crawl-delay honoured
 * (a longer one is cut to it).
 */
public record RobotsSettings(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("24h") Duration ttl,
		@NotNull @DefaultValue("10m") Duration errorTtl, @Min(1) @DefaultValue("10000") int maxHosts,
		@NotNull @DefaultValue("30s") Duration maxCrawlDelay) {

	public RobotsSettings {
		if (maxCrawlDelay != null && maxCrawlDelay.isNegative()) {
			throw new IllegalArgumentException(
					"newswire.enrich.robots.max-crawl-delay must not be negative, was " + maxCrawlDelay);
		}
	}

	public static RobotsSettings disabled() {
		return new RobotsSettings(false, Duration.ofHours(24), Duration.ofMinutes(10), 1, Duration.ZERO);
	}

}
