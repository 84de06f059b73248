package org.newswire.enrich.page;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.newswire.fetch.FetchSettings;

/**
 * {@code newswire.enrich.fetch.*}: the shared fetch module's {@link FetchSettings} as bound
 * properties (user agent, timeouts, body cap, redirects, allowed hosts, per-host politeness). A
 * value left out takes the fetch module's default. Bound through this record because
 * {@code FetchSettings} has more than one constructor.
 */
public record PageFetchSettings(String userAgent, Duration connectTimeout, Duration timeout, long maxBodyBytes,
		@Min(0) @Max(5) int maxRedirects, List<String> allowedHosts, @Min(0) int perHostConcurrency,
		Duration perHostDelay, Duration perHostMaxWait) {

	public FetchSettings toFetchSettings() {
		return new FetchSettings(userAgent, connectTimeout, timeout, maxBodyBytes, maxRedirects, allowedHosts,
				perHostConcurrency, perHostDelay, perHostMaxWait);
	}

}
