package org.newswire.enrich.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.newswire.events.Extraction;
import org.newswire.fetch.FetchException;
import org.newswire.fetch.FetchRequest;
import org.newswire.fetch.FetchResult;
import org.newswire.fetch.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an article page through the shared {@link HttpFetcher} (SSRF guard, limits, redirects)
 * and parses it with jsoup. With robots.txt honoured, every URL requested, redirect targets included,
 * must be allowed by its origin's robots.txt ({@link RobotsCache}), and a host's Crawl-delay spaces
 * its requests through the fetcher's per-host politeness. Transient failures are retried with
 * back-off; anything that leaves no page is reported as a {@link PageResult.Failed} with the matching
 * extraction status, never thrown.
 */
public class PageFetcher {

	private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);

	private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

	private final HttpFetcher fetcher;

	private final FetchRetry retry;

	private final Sleeper sleeper;

	private final RobotsCache robots;

	/** Waits between attempts; replaced in tests. */
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	public PageFetcher(HttpFetcher fetcher, FetchRetry retry) {
		this(fetcher, retry, RobotsSettings.disabled());
	}

	public PageFetcher(HttpFetcher fetcher, FetchRetry retry, RobotsSettings robots) {
		this(fetcher, retry, robots, duration -> Thread.sleep(duration.toMillis()));
	}

	PageFetcher(HttpFetcher fetcher, FetchRetry retry, Sleeper sleeper) {
		this(fetcher, retry, RobotsSettings.disabled(), sleeper);
	}

	PageFetcher(HttpFetcher fetcher, FetchRetry retry, RobotsSettings robots, Sleeper sleeper) {
		this.fetcher = fetcher;
		this.retry = retry;
		this.sleeper = sleeper;
		this.robots = robots.enabled() ? new RobotsCache(fetcher, robots, java.time.Clock.systemUTC()) : null;
	}

	public PageResult fetch(String url) {
		URI uri;
		try {
			uri = new URI(url == null ? "" : url.strip());
		}
		catch (URISyntaxException ex) {
			return new PageResult.Failed(Extraction.FETCH_FAILED, "bad URL: " + ex.getMessage());
		}
		if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
			return new PageResult.Failed(Extraction.FETCH_FAILED, "not an http(s) URL: " + url);
		}
		if (uri.getHost() == null) {
			return new PageResult.Failed(Extraction.FETCH_FAILED, "no host in URL: " + url);
		}
		Optional<PageResult.Failed> refused = robotsRefusal(uri);
		if (refused.isPresent()) {
			return refused.get();
		}
		Duration backoff = retry.initialBackoff();
		for (int attempt = 1;; attempt++) {
			try {
				AtomicReference<PageResult.Failed> redirectRefused = new AtomicReference<>();
				FetchResult result = fetcher.fetch(FetchRequest.of(uri).accepting(ACCEPT), target -> {
					robotsRefusal(target).ifPresent(redirectRefused::set);
					return redirectRefused.get() == null;
				});
				PageResult.Failed refusal = redirectRefused.get();
				if (refusal != null) {
					return new PageResult.Failed(refusal.status(),
							refusal.detail() + " (redirected to " + result.header("location").orElse("?") + " from "
									+ result.finalUrl() + ")");
				}
				return toPage(result);
			}
			catch (FetchException ex) {
				if (!ex.transientFailure() || attempt >= retry.attempts()) {
					return failed(ex, attempt);
				}
				Duration wait = ex.retryAfter().orElse(Duration.ZERO);
				wait = wait.compareTo(backoff) > 0 ? wait : backoff;
				wait = wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
				log.debug("Fetching {} failed ({}), attempt {} of {}, retrying in {}", uri, ex.getMessage(), attempt,
						retry.attempts(), wait);
				try {
					sleeper.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return failed(ex, attempt);
				}
				backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff()
						: backoff.multipliedBy(2);
			}
		}
	}

	private Optional<PageResult.Failed> robotsRefusal(URI url) {
		return robots == null ? Optional.empty() : robots.refusal(url);
	}

	private static PageResult failed(FetchException ex, int attempts) {
		String status = switch (ex.reason()) {
			case BLOCKED_ADDRESS -> Extraction.BLOCKED;
			case TOO_LARGE -> Extraction.TOO_LARGE;
			default -> Extraction.FETCH_FAILED;
		};
		String detail = ex.reason() + (ex.httpStatus() > 0 ? " " + ex.httpStatus() : "") + ": " + ex.getMessage()
				+ (attempts > 1 ? " (after " + attempts + " attempts)" : "");
		return new PageResult.Failed(status, detail);
	}

	private static PageResult toPage(FetchResult result) {
		if (result.status() < 200 || result.status() >= 300) {
			return new PageResult.Failed(Extraction.FETCH_FAILED, "HTTP " + result.status());
		}
		byte[] body = result.body() == null ? new byte[0] : result.body();
		if (!isHtml(result.contentType(), body)) {
			return new PageResult.Failed(Extraction.NOT_HTML, "content type " + result.contentType());
		}
		if (body.length == 0) {
			return new PageResult.Failed(Extraction.NO_TEXT, "empty body");
		}
		Charset charset = PageDecoder.charset(body, result.declaredCharset());
		URI base = result.finalUrl() != null ? result.finalUrl() : result.requestedUrl();
		try {
			Document document = Jsoup.parse(new ByteArrayInputStream(body), charset.name(), base.toString());
			return new PageResult.Fetched(base, document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Decodes and parses page bytes as a fetch would (charset by BOM, meta, then {@code declared},
	 * checked by decoding): for pages read from files.
	 */
	public static Document parse(byte[] body, Charset declared, String baseUri) {
		try {
			return Jsoup.parse(new ByteArrayInputStream(body), PageDecoder.charset(body, declared).name(), baseUri);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** HTML by content type, or, when the type is missing or generic, by the body's first characters. */
	static boolean isHtml(String contentType, byte[] body) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		if (type.contains("html")) {
			return true;
		}
		if (!type.isBlank() && !type.startsWith("application/octet-stream")) {
			return false;
		}
		String start = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (start.startsWith("\u00ef\u00bb\u00bf")) {
			start = start.substring(3).stripLeading();
		}
		return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
				|| start.startsWith("<body") || start.startsWith("<!--") || start.startsWith("<meta");
	}

}
