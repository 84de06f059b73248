package org.newswire.fetch;

import java.time.Duration;
import java.util.List;

/**
 * Limits for fetching from the open internet. Services bind it as a nested record of their own
 * properties ({@code newswire.enrich.fetch.*}, {@code newswire.ingest.fetch.*}); a missing value
 * takes the default below. {@code allowedHosts} exempts host names, IP addresses or CIDR ranges
 * from the private-address guard: only tests and the local run should need it. Politeness is per
 * host: at most {@code perHostConcurrency} requests at once and {@code perHostDelay} between request
 * starts (zero for none), waiting at most {@code perHostMaxWait} for a turn.
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration timeout, long maxBodyBytes,
		int maxRedirects, List<String> allowedHosts, int perHostConcurrency, Duration perHostDelay,
		Duration perHostMaxWait) {

	public static final String DEFAULT_USER_AGENT = "newswire/0.1 (+https://github.com/newswire/newswire)";

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public static final long DEFAULT_MAX_BODY_BYTES = 15L * 1024 * 1024;

	public static final int DEFAULT_MAX_REDIRECTS = 5;

	public static final int DEFAULT_PER_HOST_CONCURRENCY = 2;

	public static final Duration DEFAULT_PER_HOST_DELAY = Duration.ofSeconds(1);

	public static final Duration DEFAULT_PER_HOST_MAX_WAIT = Duration.ofMinutes(2);

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
		perHostConcurrency = perHostConcurrency > 0 ? perHostConcurrency : DEFAULT_PER_HOST_CONCURRENCY;
		perHostDelay = perHostDelay == null || perHostDelay.isNegative() ? DEFAULT_PER_HOST_DELAY : perHostDelay;
		perHostMaxWait = positiveOr(perHostMaxWait, DEFAULT_PER_HOST_MAX_WAIT);
	}

	/**
	 * The settings most callers need, with default politeness. (A factory, not a second constructor:
	 * Spring binds a record through its only constructor.)
	 */
	public static FetchSettings of(String userAgent, Duration connectTimeout, Duration timeout, long maxBodyBytes,
			int maxRedirects, List<String> allowedHosts) {
		return new FetchSettings(userAgent, connectTimeout, timeout, maxBodyBytes, maxRedirects, allowedHosts, 0, null,
				null);
	}

	/** All defaults, nothing allowed past the address guard. */
	public static FetchSettings defaults() {
		return new FetchSettings(null, null, null, 0, 0, null, 0, null, null);
	}

	public FetchSettings withPoliteness(int concurrency, Duration delay) {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.timeout, this.maxBodyBytes,
				this.maxRedirects, this.allowedHosts, concurrency, delay, this.perHostMaxWait);
	}

	public FetchSettings withAllowedHosts(List<String> hosts) {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.timeout, this.maxBodyBytes,
				this.maxRedirects, hosts, this.perHostConcurrency, this.perHostDelay, this.perHostMaxWait);
	}

	private static Duration positiveOr(Duration value, Duration fallback) {
		return value == null || value.isZero() || value.isNegative() ? fallback : value;
	}

}
