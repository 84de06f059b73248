package org.newswire.enrich.page;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * robots.txt handling ({@code newswire.enrich.robots.*}): whether it is honoured, how long a host's
 * file is kept, how soon a host whose file could not be read (5xx, timeout) is asked again, and how
 * many hosts are remembered.
 */
public record RobotsSettings(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("24h") Duration ttl,
		@NotNull @DefaultValue("10m") Duration errorTtl, @Min(1) @DefaultValue("10000") int maxHosts) {

	public static RobotsSettings disabled() {
		return new RobotsSettings(false, Duration.ofHours(24), Duration.ofMinutes(10), 1);
	}

}
