package org.newswire.enrich.page;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.newswire.fetch.FetchException;
import org.newswire.fetch.FetchRequest;
import org.newswire.fetch.FetchResult;
import org.newswire.fetch.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), fetched through the same guarded fetcher and kept for
 * {@code ttl}. Common practice when there is no usable file: a missing one (4xx) allows everything;
 * a server error, timeout or network failure also allows (the page fetch that follows meets the same
 * trouble and is recorded) and is asked again after {@code errorTtl}. At most {@code maxHosts}
 * origins are kept, least recently used out first. One fetch per origin at a time.
 */
final class RobotsCache {

	private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

	private record Entry(RobotsTxt rules, Instant expires) {
	}

	private final HttpFetcher fetcher;

	private final String userAgent;

	private final Duration ttl;

	private final Duration errorTtl;

	private final Clock clock;

	private final Map<String, Entry> entries;

	private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

	RobotsCache(HttpFetcher fetcher, Duration ttl, Duration errorTtl, int maxHosts, Clock clock) {
		this.fetcher = fetcher;
		this.userAgent = fetcher.settings().userAgent();
		this.ttl = ttl;
		this.errorTtl = errorTtl;
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > maxHosts;
			}
		};
	}

	boolean allows(URI url) {
		String origin = origin(url);
		Object lock = this.locks.computeIfAbsent(origin, o -> new Object());
		synchronized (lock) {
			try {
				Entry entry;
				synchronized (this.entries) {
					entry = this.entries.get(origin);
				}
				if (entry == null || !entry.expires().isAfter(this.clock.instant())) {
					entry = load(origin);
					if (entry != null) {
						synchronized (this.entries) {
							this.entries.put(origin, entry);
						}
					}
				}
				RobotsTxt rules = entry == null ? RobotsTxt.ALLOW_ALL : entry.rules();
				String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
				return rules.allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
			}
			finally {
				this.locks.remove(origin, lock);
			}
		}
	}

	/** The entry to cache, or null to allow this once without caching (host busy). */
	private Entry load(String origin) {
		Instant now = this.clock.instant();
		try {
			FetchResult result = this.fetcher
				.fetch(FetchRequest.of(URI.create(origin + "/robots.txt")).accepting("text/plain,*/*;q=0.5"));
			byte[] body = result.body() == null ? new byte[0] : result.body();
			String text = new String(body, StandardCharsets.UTF_8);
			return new Entry(RobotsTxt.parse(text, this.userAgent), now.plus(this.ttl));
		}
		catch (FetchException ex) {
			if (ex.reason() == FetchException.Reason.HOST_BUSY) {
				return null;
			}
			boolean missing = ex.reason() == FetchException.Reason.HTTP_STATUS && ex.httpStatus() >= 400
					&& ex.httpStatus() < 500;
			if (!missing) {
				log.debug("No robots.txt from {} ({}): allowing, asking again in {}", origin, ex.getMessage(),
						this.errorTtl);
			}
			return new Entry(RobotsTxt.ALLOW_ALL, now.plus(missing ? this.ttl : this.errorTtl));
		}
	}

	static String origin(URI url) {
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		String host = url.getHost().toLowerCase(Locale.ROOT);
		int port = url.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

}
