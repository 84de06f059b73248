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
			send(exchange, robotsStatus, "text/plain", "User-agent: *\nDisallow: /private/\n", StandardCharsets.UTF_8);
		});
		server.createContext("/private/", exchange -> send(exchange, 200, "text/html",
				"<html><body><p>secret</p></body></html>", StandardCharsets.UTF_8));
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
		PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), new RobotsSettings(true,
				Duration.ofHours(1), Duration.ofMinutes(1), 10), sleeps::add);

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
	void fetchesWhenRobotsTxtIsMissingOrBroken() {
		for (int status : new int[] { 404, 503 }) {
			robotsStatus = status;
			PageFetcher polite = new PageFetcher(httpFetcher, FetchRetry.none(), new RobotsSettings(true,
					Duration.ofHours(1), Duration.ofMinutes(1), 10), sleeps::add);

			assertThat(polite.fetch(url("/private/story"))).as("robots.txt answering %d", status)
				.isInstanceOf(PageResult.Fetched.class);
		}
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
