package org.newswire.fetch;

import java.time.Duration;
import java.util.List;

/**
 * Limits for fetching from the open internet. Services bind it as a nested record of their own
 * properties ({@code newswire.enrich.fetch.*}, {@code newswire.ingest.fetch.*}); a missing value
 * takes the default below. {@code allowedHosts} exempts host names, IP addresses or CIDR ranges
 * from the private-address guard: only tests and the local run should need it.
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration timeout, long maxBodyBytes,
		int maxRedirects, List<String> allowedHosts) {

	public static final String DEFAULT_USER_AGENT = "newswire/0.1 (+https://github.com/newswire/newswire)";

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public static final long DEFAULT_MAX_BODY_BYTES = 15L * 1024 * 1024;

	public static final int DEFAULT_MAX_REDIRECTS = 5;

	public FetchSettings {
		userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
		connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
		timeout = positiveOr(timeout, DEFAULT_TIMEOUT);
		maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
		if (maxRedirects < 0) {
			throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
		}
		maxRedirects = maxRedirects == 0 ? DEFAULT_MAX_REDIRECTS : maxRedirects;
		allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
	}

	/** All defaults, nothing allowed past the address guard. */
	public static FetchSettings defaults() {
		return new FetchSettings(null, null, null, 0, 0, null);
	}

	public FetchSettings withAllowedHosts(List<String> hosts) {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.timeout, this.maxBodyBytes,
				this.maxRedirects, hosts);
	}

	private static Duration positiveOr(Duration value, Duration fallback) {
		return value == null || value.isZero() || value.isNegative() ? fallback : value;
	}

}
