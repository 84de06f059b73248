package org.newswire.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFetcherTest {

	private static final long CAP = 1024 * 1024;

	private HttpServer server;

	private int port;

	private HttpFetcher fetcher;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.port = this.server.getAddress().getPort();
		this.server.createContext("/page", exchange -> send(exchange, 200, "text/html; charset=ISO-8859-1",
				"<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1)));
		this.server.createContext("/conditional", exchange -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
		});
		this.server.createContext("/redirect", exchange -> {
			int left = Integer.parseInt(exchange.getRequestURI().getQuery());
			exchange.getResponseHeaders().add("Location", left == 0 ? "/page" : "/redirect?" + (left - 1));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/loop", exchange -> {
			exchange.getResponseHeaders().add("Location", "/loop");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		this.server.createContext("/to-loopback-literal", exchange -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + this.port + "/page");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/to-metadata", exchange -> {
			exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/hook", exchange -> {
			byte[] received = exchange.getRequestBody().readAllBytes();
			String signature = exchange.getRequestHeaders().getFirst("X-Signature");
			send(exchange, 200, "text/plain", (signature + ":" + new String(received, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
		});
		this.server.createContext("/missing", exchange -> send(exchange, 404, "text/html", new byte[0]));
		this.server.createContext("/busy", exchange -> {
			exchange.getResponseHeaders().add("Retry-After", "120");
			send(exchange, 503, "text/plain", new byte[0]);
		});
		this.server.createContext("/huge", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = new byte[64 * 1024];
				for (int i = 0; i < 64; i++) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// the client hung up after the cap, as it should
			}
		});
		this.server.createContext("/gzip-bomb", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html");
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
				byte[] zeros = new byte[1024 * 1024];
				for (int i = 0; i < 1024; i++) {
					out.write(zeros);
				}
			}
			catch (IOException ex) {
				// the client hung up after the cap, as it should
			}
		});
		this.server.createContext("/slow", exchange -> {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			send(exchange, 200, "text/html", new byte[0]);
		});
		this.server.start();
		this.fetcher = fetcher(List.of("127.0.0.1"));
	}

	@AfterEach
	void stopServer() {
		this.fetcher.close();
		this.server.stop(0);
	}

	private HttpFetcher fetcher(List<String> allowed) {
		return new HttpFetcher(FetchSettings.of("newswire-test", Duration.ofSeconds(2), Duration.ofSeconds(1), CAP, 5,
				allowed).withPoliteness(4, Duration.ZERO));
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@Test
	void fetchesBodyWithContentTypeAndDeclaredCharset() throws Exception {
		FetchResult result = this.fetcher.fetch(FetchRequest.of(url("/page")));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.contentType()).isEqualTo("text/html");
		assertThat(result.declaredCharset()).isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(new String(result.body(), result.declaredCharset())).isEqualTo("<p>caf\u00e9</p>");
		assertThat(result.header("CONTENT-TYPE")).contains("text/html; charset=ISO-8859-1");
	}

	@Test
	void postsABodyWithHeaders() throws Exception {
		FetchResult result = this.fetcher.post(url("/hook"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
				"application/json", java.util.Map.of("X-Signature", "sha256=abc"));

		assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("sha256=abc:{\"a\":1}");
	}

	@Test
	void refusesToPostToInternalAddresses() {
		try (HttpFetcher guarded = fetcher(List.of())) {
			assertThatThrownBy(() -> guarded.post(url("/hook"), new byte[0], "application/json", java.util.Map.of()))
				.isInstanceOfSatisfying(FetchException.class,
						ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
		}
	}

	@Test
	void answersNotModifiedToAConditionalRequest() throws Exception {
		FetchResult first = this.fetcher.fetch(FetchRequest.of(url("/conditional")));
		FetchResult second = this.fetcher.fetch(new FetchRequest(url("/conditional"), first.etag(), null));

		assertThat(first.notModified()).isFalse();
		assertThat(second.notModified()).isTrue();
		assertThat(second.body()).isEmpty();
	}

	@Test
	void followsRedirectsAndReportsWhereTheyEnded() throws Exception {
		FetchResult result = this.fetcher.fetch(FetchRequest.of(url("/redirect?3")));

		assertThat(result.requestedUrl()).isEqualTo(url("/redirect?3"));
		assertThat(result.finalUrl()).isEqualTo(url("/page"));
	}

	@Test
	void asksBeforeEachRedirectAndStopsAtOneItRefuses() throws Exception {
		List<URI> asked = new java.util.ArrayList<>();

		FetchResult result = this.fetcher.fetch(FetchRequest.of(url("/redirect?2")), target -> {
			asked.add(target);
			return !target.getPath().equals("/page");
		});

		assertThat(asked).containsExactly(url("/redirect?1"), url("/redirect?0"), url("/page"));
		assertThat(result.status()).isEqualTo(302);
		assertThat(result.finalUrl()).isEqualTo(url("/redirect?0"));
		assertThat(result.header("Location")).contains(url("/page").toString());
		assertThat(result.body()).isEmpty();
	}

	@Test
	void stopsAfterFiveRedirects() {
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/redirect?6"))))
			.isInstanceOfSatisfying(FetchException.class,
					ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.TOO_MANY_REDIRECTS));
	}

	@Test
	void detectsRedirectLoops() {
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/loop"))))
			.isInstanceOfSatisfying(FetchException.class, ex -> assertThat(ex.getMessage()).contains("loop"));
	}

	@Test
	void refusesLoopbackInAllItsSpellingsUnlessAllowed() {
		try (HttpFetcher guarded = fetcher(List.of())) {
			for (String host : List.of("127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0")) {
				URI target = URI.create("http://" + host + ":" + this.port + "/page");
				assertThatThrownBy(() -> guarded.fetch(FetchRequest.of(target))).as(host)
					.isInstanceOfSatisfying(FetchException.class,
							ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
			}
		}
	}

	@Test
	void neverConnectsToShortOrIntegerAddressForms() {
		try (HttpFetcher guarded = fetcher(List.of())) {
			for (String host : List.of("127.1", "2130706433", "0x7f000001")) {
				URI target = URI.create("http://" + host + ":" + this.port + "/page");
				assertThatThrownBy(() -> guarded.fetch(FetchRequest.of(target))).as(host)
					.isInstanceOfSatisfying(FetchException.class,
							ex -> assertThat(ex.reason()).isIn(FetchException.Reason.BAD_URL,
									FetchException.Reason.BLOCKED_ADDRESS, FetchException.Reason.DNS));
			}
		}
	}

	@Test
	void checksEveryRedirectHopAgainstTheGuard() {
		try (HttpFetcher onlyLocalhostName = fetcher(List.of("localhost"))) {
			URI start = URI.create("http://localhost:" + this.port + "/to-loopback-literal");
			assertThatThrownBy(() -> onlyLocalhostName.fetch(FetchRequest.of(start)))
				.isInstanceOfSatisfying(FetchException.class,
						ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
		}
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/to-metadata"))))
			.isInstanceOfSatisfying(FetchException.class,
					ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
	}

	@Test
	void reportsErrorStatusesWithRetryAdvice() {
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/missing"))))
			.isInstanceOfSatisfying(FetchException.class, ex -> {
				assertThat(ex.httpStatus()).isEqualTo(404);
				assertThat(ex.transientFailure()).isFalse();
			});
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/busy"))))
			.isInstanceOfSatisfying(FetchException.class, ex -> {
				assertThat(ex.httpStatus()).isEqualTo(503);
				assertThat(ex.transientFailure()).isTrue();
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(120));
			});
	}

	@Test
	void cutsOffBodiesOverTheCap() {
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/huge"))))
			.isInstanceOfSatisfying(FetchException.class,
					ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.TOO_LARGE));
	}

	@Test
	void cutsOffGzipBombsAfterTheCapOfDecompressedBytes() {
		long start = System.nanoTime();

		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/gzip-bomb"))))
			.isInstanceOfSatisfying(FetchException.class,
					ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.TOO_LARGE));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void timesOutOnSlowServers() {
		assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(url("/slow"))))
			.isInstanceOfSatisfying(FetchException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(FetchException.Reason.TIMEOUT);
				assertThat(ex.transientFailure()).isTrue();
			});
	}

	@Test
	void refusesSchemesOtherThanHttp() {
		for (String url : List.of("file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "/relative")) {
			assertThatThrownBy(() -> this.fetcher.fetch(FetchRequest.of(URI.create(url)))).as(url)
				.isInstanceOfSatisfying(FetchException.class,
						ex -> assertThat(ex.reason()).isEqualTo(FetchException.Reason.BAD_URL));
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

}
