package org.newswire.ingest.poll;

import jakarta.validation.Valid;
import org.newswire.fetch.FetchSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code newswire.ingest.fetch.*}: how feeds are fetched (limits, timeouts, SSRF allow-list). */
@ConfigurationProperties("newswire.ingest")
@Validated
public record FeedFetchProperties(@Valid FetchSettings fetch) {

	public FeedFetchProperties {
		if (fetch == null) {
			fetch = FetchSettings.defaults();
		}
	}

}
