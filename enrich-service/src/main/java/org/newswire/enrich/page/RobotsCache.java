package org.newswire.enrich.page;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.newswire.events.Extraction;
import org.newswire.fetch.FetchException;
import org.newswire.fetch.FetchRequest;
import org.newswire.fetch.FetchResult;
import org.newswire.fetch.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), fetched through the same guarded fetcher and kept for
 * {@code ttl}. As RFC 9309 (2.3.1) asks: a file that is missing or refused (4xx, too many redirects)
 * allows everything; one that cannot be read (5xx, 429, timeout, network or DNS failure) disallows
 * everything for now and is asked again after {@code errorTtl}. A Crawl-delay, capped at
 * {@code maxCrawlDelay}, becomes the host's spacing in the fetcher's per-host politeness. At most
 * {@code maxHosts} origins are kept, least recently used out first. One fetch per origin at a time.
 */
final class RobotsCache {

	private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

	/** {@code unreadable} says why there are no rules (everything disallowed until {@code expires}). */
	private record Entry(RobotsTxt rules, String unreadable, Instant expires) {
	}

	private final HttpFetcher fetcher;

	private final String userAgent;

	private final RobotsSettings settings;

	private final Clock clock;

	private final Map<String, Entry> entries;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	RobotsCache(HttpFetcher fetcher, RobotsSettings settings, Clock clock) {
		this.fetcher = fetcher;
		this.userAgent = fetcher.settings().userAgent();
		this.settings = settings;
		this.clock = clock;
		int maxHosts = settings.maxHosts();
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > maxHosts;
			}
		};
	}

	/** Why {@code url} must not be fetched now, or empty when its robots.txt allows it. */
	Optional<PageResult.Failed> refusal(URI url) {
		String origin = origin(url);
		Entry entry;
		try {
			entry = entry(origin, url.getHost());
		}
		catch (FetchException busy) {
			return Optional.of(new PageResult.Failed(Extraction.FETCH_FAILED,
					"robots.txt of " + origin + " not read: " + busy.getMessage()));
		}
		if (entry.unreadable() != null) {
			return Optional.of(new PageResult.Failed(Extraction.FETCH_FAILED, "robots.txt of " + origin
					+ " could not be read (" + entry.unreadable() + "), so nothing is fetched from it for now"));
		}
		String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
		if (entry.rules().allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())) {
			return Optional.empty();
		}
		return Optional.of(new PageResult.Failed(Extraction.BLOCKED,
				"robots.txt of " + origin + " disallows " + path + " for " + this.userAgent));
	}

	private Entry entry(String origin, String host) throws FetchException {
		Object lock = this.locks.computeIfAbsent(origin, o -> new Object());
		synchronized (lock) {
			try {
				Entry entry;
				synchronized (this.entries) {
					entry = this.entries.get(origin);
				}
				if (entry == null || !entry.expires().isAfter(this.clock.instant())) {
					entry = load(origin, host);
					synchronized (this.entries) {
						this.entries.put(origin, entry);
					}
				}
				return entry;
			}
			finally {
				this.locks.remove(origin, lock);
			}
		}
	}

	/** The entry to cache; a busy host (our own politeness queue) is thrown, not cached. */
	private Entry load(String origin, String host) throws FetchException {
		Instant now = this.clock.instant();
		try {
			FetchResult result = this.fetcher
				.fetch(FetchRequest.of(URI.create(origin + "/robots.txt")).accepting("text/plain,*/*;q=0.5"));
			byte[] body = result.body() == null ? new byte[0] : result.body();
			RobotsTxt rules = RobotsTxt.parse(new String(body, StandardCharsets.UTF_8), this.userAgent);
			Duration delay = rules.crawlDelay().orElse(Duration.ZERO);
			if (delay.compareTo(this.settings.maxCrawlDelay()) > 0) {
				log.info("robots.txt of {} asks for a Crawl-delay of {}; using the maximum {}", origin, delay,
						this.settings.maxCrawlDelay());
				delay = this.settings.maxCrawlDelay();
			}
			this.fetcher.delayHost(host, delay);
			return new Entry(rules, null, now.plus(this.settings.ttl()));
		}
		catch (FetchException ex) {
			switch (ex.reason()) {
				case HOST_BUSY -> throw ex;
				case TIMEOUT, NETWORK, DNS -> {
					return unreadable(origin, ex.reason() + ": " + ex.getMessage(), now);
				}
				case HTTP_STATUS -> {
					if (ex.httpStatus() == 429 || ex.httpStatus() >= 500) {
						return unreadable(origin, "HTTP " + ex.httpStatus(), now);
					}
				}
				default -> {
					// unavailable (4xx, too many redirects, too large, bad URL): no rules; a blocked address
					// allows too, because the page fetch meets the same address guard and says so
				}
			}
			this.fetcher.delayHost(host, Duration.ZERO);
			boolean missing = ex.reason() == FetchException.Reason.HTTP_STATUS;
			return new Entry(RobotsTxt.ALLOW_ALL, null,
					now.plus(missing ? this.settings.ttl() : this.settings.errorTtl()));
		}
	}

	private Entry unreadable(String origin, String why, Instant now) {
		log.info("robots.txt of {} could not be read ({}): fetching nothing from it for {}", origin, why,
				this.settings.errorTtl());
		return new Entry(RobotsTxt.ALLOW_ALL, why, now.plus(this.settings.errorTtl()));
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
