package org.newswire.enrich.page;

import jakarta.validation.Valid;

import org.newswire.fetch.FetchSettings;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Page fetching: {@code newswire.enrich.fetch.*} are the shared fetch module's settings (user
 * agent, timeouts, body cap, redirects, allowed hosts); {@code newswire.enrich.fetch-retry.*} how
 * transient failures are retried; {@code newswire.enrich.robots.*} how robots.txt is honoured.
 */
@Validated
@ConfigurationProperties("newswire.enrich")
public record PageProperties(@NotNull @DefaultValue FetchSettings fetch,
		@Valid @NotNull @DefaultValue FetchRetry fetchRetry, @Valid @NotNull @DefaultValue RobotsSettings robots) {

	public PageProperties {
		// a Crawl-delay as long as the wait for a turn refuses, instead of queueing, requests close to another
		if (fetch != null && robots != null && robots.enabled() && robots.maxCrawlDelay() != null
				&& robots.maxCrawlDelay().compareTo(fetch.perHostMaxWait()) >= 0) {
			throw new IllegalArgumentException("newswire.enrich.robots.max-crawl-delay (" + robots.maxCrawlDelay()
					+ ") must be shorter than newswire.enrich.fetch.per-host-max-wait (" + fetch.perHostMaxWait() + ")");
		}
	}

}
