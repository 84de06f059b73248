package org.newswire.enrich.page;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.events.Extraction;
import org.newswire.fetch.FetchSettings;
import org.newswire.fetch.HttpFetcher;

import static org.assertj.core.api.Assertions.assertThat;

class PageFetcherTest {

	private HttpServer server;

	private HttpFetcher httpFetcher;

	private final List<Duration> sleeps = new ArrayList<>();

	private final AtomicInteger flakyCalls = new AtomicInteger();

	private final AtomicInteger robotsCalls = new AtomicInteger();

	private volatile int robotsStatus = 200;

	private volatile String robotsBody = "User-agent: *\nDisallow: /private/\n";

	private final AtomicInteger privateCalls = new AtomicInteger();

	private final List<Long> pageStarts = new java.util.concurrent.CopyOnWriteArrayList<>();

	private HttpServer other;

	private PageFetcher pages;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/latin1", exchange -> send(exchange, 200, "text/html",
				"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>",
				Charset.forName("windows-1252")));
		server.createContext("/wrong-header", exchange -> send(exchange, 200, "text/html; charset=iso-8859-1",
				"<html><head><meta charset=\"utf-8\"></head><body><p>Zelens\u2019kyi \u2013 Kyiv</p></body></html>",
				StandardCharsets.UTF_8));
		server.createContext("/pdf", exchange -> send(exchange, 200, "application/pdf", "%PDF-1.7", StandardCharsets.UTF_8));
		server.createContext("/missing", exchange -> send(exchange, 404, "text/html", "gone", StandardCharsets.UTF_8));
		server.createContext("/flaky", exchange -> {
			if (flakyCalls.incrementAndGet() < 3) {
				send(exchange, 503, "text/html", "busy", StandardCharsets.UTF_8);
			}
			else {
				send(exchange, 200, "text/html", "<html><body><p>third time lucky</p></body></html>",
						StandardCharsets.UTF_8);
			}
		});
		server.createContext("/big", exchange -> send(exchange, 200, "text/html",
				"<html><body><p>" + "x".repeat(300_000) + "</p></body></html>", StandardCharsets.UTF_8));
		server.createContext("/robots.txt", exchange -> {
			robotsCalls.incrementAndGet();
			send(exchange, robotsStatus, "text/plain", robotsBody, StandardCharsets.UTF_8);
		});
		server.createContext("/private/", exchange -> {
			privateCalls.incrementAndGet();
			send(exchange, 200, "text/html", "<html><body><p>secret</p></body></html>", StandardCharsets.UTF_8);
		});
		server.createContext("/page/", exchange -> {
			pageStarts.add(System.nanoTime());
			send(exchange, 200, "text/html", "<html><body><p>a page</p></body></html>", StandardCharsets.UTF_8);
		});
		server.createContext("/down", exchange -> send(exchange, 503, "text/html", "down", StandardCharsets.UTF_8));
		server.start();
		httpFetcher = new HttpFetcher(FetchSettings.of(null, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, 0,
				List.of("127.0.0.1")));
		pages = new PageFetcher(httpFetcher,
				new FetchRetry(3, Duration.ofMillis(100), Duration.ofMillis(150)), sleeps::add);
	}

	@AfterEach
	void stop() {
		server.stop(0);
		if (other != null) {
			other.stop(0);
		}
		httpFetcher.close();
	}

	@Test
	void decodesByTheMetaCharset() {
		PageResult result = pages.fetch(url("/latin1"));

		assertThat(result).isInstanceOfSatisfying(PageResult.Fetched.class,
				page -> assertThat(page.document().body().text()).isEqualTo("Caf\u00e9 cr\u00e8me"));
	}

	@Test
	void prefersTheMetaCharsetOverAWrongHeader() {
		PageResult result = pages.fetch(url("/wrong-header"));

		assertThat(result).isInstanceOfSatisfying(PageResult.Fetched.class,
				page -> assertThat(page.document().body().text()).isEqualTo("Zelens\u2019kyi \u2013 Kyiv"));
	}

	@Test
	void reportsABodyOverTheCapAsTooLarge() {
		try (HttpFetcher small = new HttpFetcher(FetchSettings.of(null, Duration.ofSeconds(2), Duration.ofSeconds(5),
				100_000, 0, List.of("127.0.0.1")))) {
			PageResult result = new PageFetcher(small, FetchRetry.none()).fetch(url("/big"));

			assertThat(result).isInstanceOfSatisfying(PageResult.Failed.class,
					failed -> assertThat(failed.status()).isEqualTo(Extraction.TOO_LARGE));
		}
	}

	@Test
	void honoursRobotsTxtAndAsksEachOriginOnce() {
		PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), robots(Duration.ofSeconds(30)),
				sleeps::add);

		PageResult disallowed = polite.fetch(url("/private/story"));
		PageResult allowed = polite.fetch(url("/latin1"));

		assertThat(disallowed).isInstanceOfSatisfying(PageResult.Failed.class, failed -> {
			assertThat(failed.status()).isEqualTo(Extraction.BLOCKED);
			assertThat(failed.detail()).contains("robots.txt");
		});
		assertThat(allowed).isInstanceOf(PageResult.Fetched.class);
		assertThat(robotsCalls).hasValue(1);
	}

	@Test
	void fetchesEverythingWhenRobotsTxtIsMissing() {
		for (int status : new int[] { 404, 410, 403 }) {
			robotsStatus = status;
			PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), robots(Duration.ofSeconds(30)),
					sleeps::add);

			assertThat(polite.fetch(url("/private/story"))).as("robots.txt answering %d", status)
				.isInstanceOf(PageResult.Fetched.class);
		}
	}

	@Test
	void fetchesNothingFromAnOriginWhoseRobotsTxtCannotBeRead() {
		for (int status : new int[] { 503, 500, 429 }) {
			robotsStatus = status;
			PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), robots(Duration.ofSeconds(30)),
					sleeps::add);

			assertThat(polite.fetch(url("/private/story"))).as("robots.txt answering %d", status)
				.isInstanceOfSatisfying(PageResult.Failed.class, failed -> {
					assertThat(failed.status()).isEqualTo(Extraction.FETCH_FAILED);
					assertThat(failed.detail()).contains("robots.txt").contains("could not be read");
				});
		}
		assertThat(privateCalls).hasValue(0);
	}

	@Test
	void refusesARedirectToAPathTheTargetsRobotsTxtDisallowsWithoutRequestingIt() throws IOException {
		AtomicInteger targetCalls = new AtomicInteger();
		startOther("User-agent: *\nDisallow: /members/\n", targetCalls);
		server.createContext("/moved", exchange -> redirect(exchange, otherUrl("/members/story")));
		PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), robots(Duration.ofSeconds(30)),
				sleeps::add);

		PageResult result = polite.fetch(url("/moved"));

		assertThat(result).isInstanceOfSatisfying(PageResult.Failed.class, failed -> {
			assertThat(failed.status()).isEqualTo(Extraction.BLOCKED);
			assertThat(failed.detail()).contains("robots.txt of " + otherUrl(""))
				.contains("disallows /members/story")
				.contains("redirected to " + otherUrl("/members/story"));
		});
		assertThat(targetCalls).hasValue(0);
	}

	@Test
	void followsARedirectToAnotherOriginWhoseRobotsTxtAllowsIt() throws IOException {
		AtomicInteger targetCalls = new AtomicInteger();
		startOther("User-agent: *\nDisallow: /members/\n", targetCalls);
		server.createContext("/moved", exchange -> redirect(exchange, otherUrl("/news/story")));
		PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), robots(Duration.ofSeconds(30)),
				sleeps::add);

		PageResult result = polite.fetch(url("/moved"));

		assertThat(result).isInstanceOfSatisfying(PageResult.Fetched.class,
				page -> assertThat(page.finalUrl().toString()).isEqualTo(otherUrl("/news/story")));
		assertThat(targetCalls).hasValue(1);
	}

	@Test
	void spacesRequestsToAHostByItsCrawlDelay() {
		robotsBody = "User-agent: newswire-enrich\nCrawl-delay: 0.6\nDisallow: /private/\n";
		try (HttpFetcher eager = new HttpFetcher(FetchSettings.of("newswire-enrich/0.1", Duration.ofSeconds(2),
				Duration.ofSeconds(5), 0, 0, List.of("127.0.0.1")).withPoliteness(4, Duration.ZERO))) {
			PageFetcher polite = new PageFetcher(eager, FetchRetry.none(), robots(Duration.ofSeconds(30)),
					sleeps::add);

			for (int i = 0; i < 3; i++) {
				assertThat(polite.fetch(url("/page/" + i))).isInstanceOf(PageResult.Fetched.class);
			}
		}

		assertThat(pageStarts).hasSize(3);
		for (int i = 1; i < 3; i++) {
			assertThat(Duration.ofNanos(pageStarts.get(i) - pageStarts.get(i - 1)))
				.isGreaterThanOrEqualTo(Duration.ofMillis(550));
		}
	}

	@Test
	void capsTheCrawlDelayAtTheConfiguredMaximum() {
		robotsBody = "User-agent: *\nCrawl-delay: 3600\n";
		long start = System.nanoTime();
		try (HttpFetcher eager = new HttpFetcher(FetchSettings.of(null, Duration.ofSeconds(2), Duration.ofSeconds(5), 0,
				0, List.of("127.0.0.1")).withPoliteness(4, Duration.ZERO))) {
			PageFetcher polite = new PageFetcher(eager, FetchRetry.none(), robots(Duration.ofMillis(400)),
					sleeps::add);

			assertThat(polite.fetch(url("/page/1"))).isInstanceOf(PageResult.Fetched.class);
			assertThat(polite.fetch(url("/page/2"))).isInstanceOf(PageResult.Fetched.class);
		}

		assertThat(Duration.ofNanos(pageStarts.get(1) - pageStarts.get(0)))
			.isGreaterThanOrEqualTo(Duration.ofMillis(350));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void reportsNonHtmlAsNotHtml() {
		assertThat(pages.fetch(url("/pdf"))).isInstanceOfSatisfying(PageResult.Failed.class,
				failed -> assertThat(failed.status()).isEqualTo(Extraction.NOT_HTML));
	}

	@Test
	void reportsAMissingPageAsFetchFailedWithoutRetrying() {
		PageResult result = pages.fetch(url("/missing"));

		assertThat(result).isInstanceOfSatisfying(PageResult.Failed.class, failed -> {
			assertThat(failed.status()).isEqualTo(Extraction.FETCH_FAILED);
			assertThat(failed.detail()).contains("404");
		});
		assertThat(sleeps).isEmpty();
	}

	@Test
	void retriesTransientFailuresWithGrowingBackOff() {
		PageResult result = pages.fetch(url("/flaky"));

		assertThat(result).isInstanceOf(PageResult.Fetched.class);
		assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
	}

	@Test
	void givesUpAfterTheConfiguredAttempts() {
		PageResult result = pages.fetch(url("/down"));

		assertThat(result).isInstanceOfSatisfying(PageResult.Failed.class, failed -> {
			assertThat(failed.status()).isEqualTo(Extraction.FETCH_FAILED);
			assertThat(failed.detail()).contains("503").contains("after 3 attempts");
		});
	}

	@Test
	void reportsAClosedPortAsFetchFailed() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		PageResult result = pages.fetch("http://127.0.0.1:" + closedPort + "/story");

		assertThat(result).isInstanceOfSatisfying(PageResult.Failed.class,
				failed -> assertThat(failed.status()).isEqualTo(Extraction.FETCH_FAILED));
	}

	@Test
	void reportsAPrivateAddressAsBlocked() {
		try (HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults())) {
			PageResult result = new PageFetcher(guarded, FetchRetry.none()).fetch(url("/latin1"));

			assertThat(result).isInstanceOfSatisfying(PageResult.Failed.class,
					failed -> assertThat(failed.status()).isEqualTo(Extraction.BLOCKED));
		}
	}

	@Test
	void reportsAMalformedUrlAsFetchFailed() {
		assertThat(pages.fetch("not a url")).isInstanceOfSatisfying(PageResult.Failed.class,
				failed -> assertThat(failed.status()).isEqualTo(Extraction.FETCH_FAILED));
		assertThat(pages.fetch(null)).isInstanceOf(PageResult.Failed.class);
		assertThat(pages.fetch("ftp://example.com/file")).isInstanceOf(PageResult.Failed.class);
	}

	private static RobotsSettings robots(Duration maxCrawlDelay) {
		return new RobotsSettings(true, Duration.ofHours(1), Duration.ofMinutes(1), 10, maxCrawlDelay);
	}

	/** A second origin (another port on the same host) with its own robots.txt; counts page requests. */
	private void startOther(String robots, AtomicInteger pageCalls) throws IOException {
		other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		other.createContext("/robots.txt",
				exchange -> send(exchange, 200, "text/plain", robots, StandardCharsets.UTF_8));
		other.createContext("/", exchange -> {
			pageCalls.incrementAndGet();
			send(exchange, 200, "text/html", "<html><body><p>elsewhere</p></body></html>", StandardCharsets.UTF_8);
		});
		other.start();
	}

	private String otherUrl(String path) {
		return "http://127.0.0.1:" + other.getAddress().getPort() + path;
	}

	private static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body, Charset charset)
			throws IOException {
		byte[] bytes = body.getBytes(charset);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
