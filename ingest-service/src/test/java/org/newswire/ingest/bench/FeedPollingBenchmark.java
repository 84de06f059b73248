package org.newswire.ingest.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.newswire.fetch.FetchRequest;
import org.newswire.fetch.FetchResult;
import org.newswire.fetch.FetchSettings;
import org.newswire.fetch.HttpFetcher;
import org.newswire.ingest.normalize.ItemNormalizer;
import org.newswire.ingest.normalize.UnusableItemException;
import org.newswire.ingest.parse.FeedParser;
import org.newswire.ingest.parse.ParsedFeed;

/**
 * Polls N feeds served by a local HTTP server (generated RSS 2.0, 25 items each, ~12 KB) through the
 * service's own fetcher, parser and normaliser, and prints feeds polled per second and items parsed per
 * second; then the parser alone on the same bodies. Kafka is not involved (publishing is measured by the
 * ITs, not here). Not part of {@code verify}; run it as the README says:
 * <pre>
 * ./mvnw -B -q -o -pl ingest-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp ingest-service/target/test-classes:ingest-service/target/classes:$(cat ingest-service/target/cp.txt) \
 *     org.newswire.ingest.bench.FeedPollingBenchmark 5000 8
 * </pre>
 * All feeds are on 127.0.0.1 (allow-listed past the SSRF guard); per-host politeness is set to the worker
 * count with no delay, since the one local host stands for thousands of real ones.
 */
public final class FeedPollingBenchmark {

	private static final int ITEMS = 25;

	private FeedPollingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		// without it the JDK server's small writes meet delayed ACKs: ~40 ms per response, which measures TCP, not ingest
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", FeedPollingBenchmark::serve);
		server.start();
		int port = server.getAddress().getPort();
		FetchSettings settings = new FetchSettings("newswire-bench", Duration.ofSeconds(5), Duration.ofSeconds(20), 0, 0,
				List.of("127.0.0.1"), workers, Duration.ZERO, Duration.ofMinutes(5));
		FeedParser parser = new FeedParser();
		ItemNormalizer normalizer = new ItemNormalizer(Clock.systemUTC());
		try (HttpFetcher fetcher = new HttpFetcher(settings)) {
			// warm-up: JIT, connection pool
			run(fetcher, parser, normalizer, port, Math.min(500, feeds), workers, new ArrayList<>());
			List<byte[]> bodies = new ArrayList<>();
			long started = System.nanoTime();
			long[] counts = run(fetcher, parser, normalizer, port, feeds, workers, bodies);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("polled %d feeds (%d failed) with %d workers in %.2f s: %.0f feeds/s, %.0f items/s (%d items, %d bytes)%n",
					feeds, counts[2], workers, seconds, feeds / seconds, counts[0] / seconds, counts[0], counts[1]);
			long parseStarted = System.nanoTime();
			long items = 0;
			for (byte[] body : bodies) {
				items += parser.parse(body, URI.create("http://127.0.0.1/feed.xml")).items().size();
			}
			double parseSeconds = (System.nanoTime() - parseStarted) / 1e9;
			System.out.printf("parser alone, one thread: %d feeds in %.2f s: %.0f feeds/s, %.0f items/s%n", bodies.size(),
					parseSeconds, bodies.size() / parseSeconds, items / parseSeconds);
		}
		finally {
			server.stop(0);
			((ExecutorService) server.getExecutor()).shutdownNow();
		}
	}

	/** @return items, bytes, failures */
	private static long[] run(HttpFetcher fetcher, FeedParser parser, ItemNormalizer normalizer, int port, int feeds,
			int workers, List<byte[]> bodies) throws Exception {
		AtomicLong items = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		List<Future<?>> done = new ArrayList<>(feeds);
		for (int i = 0; i < feeds; i++) {
			URI url = URI.create("http://127.0.0.1:" + port + "/feed/" + i + ".xml");
			done.add(pool.submit(() -> {
				try {
					FetchResult result = fetcher.fetch(FetchRequest.of(url));
					ParsedFeed feed = parser.parse(result.body(), result.finalUrl(), result.declaredCharset());
					for (ParsedFeed.Item item : feed.items()) {
						normalizer.normalize(item, feed, url);
					}
					items.addAndGet(feed.items().size());
					bytes.addAndGet(result.body().length);
					synchronized (bodies) {
						bodies.add(result.body());
					}
				}
				catch (IOException | UnusableItemException | org.newswire.ingest.parse.FeedParseException ex) {
					failures.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		return new long[] { items.get(), bytes.get(), failures.get() };
	}

	private static void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			int feed = Integer.parseInt(path.replaceAll("\\D", "").isEmpty() ? "0" : path.replaceAll("\\D", ""));
			byte[] body = rss(feed).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static String rss(int feed) {
		StringBuilder xml = new StringBuilder(14_000);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
			.append("<channel><title>Bench feed ").append(feed).append("</title><link>https://feed")
			.append(feed).append(".bench.example/</link><language>en</language>\n");
		Instant now = Instant.parse("2026-11-27T12:00:00Z");
		for (int i = 0; i < ITEMS; i++) {
			xml.append("<item><title>Story ").append(i).append(" of feed ").append(feed)
				.append(": talks resume &amp; markets react</title><link>https://feed").append(feed)
				.append(".bench.example/2026/11/story-").append(i).append("?utm_source=rss</link><guid isPermaLink=\"false\">")
				.append(feed).append('-').append(i).append("</guid><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(3600L * i).atOffset(ZoneOffset.UTC)))
				.append("</pubDate><dc:creator>Desk ").append(i % 7).append("</dc:creator><category>World</category>")
				.append("<description><![CDATA[<p>Negotiators met on Monday in Geneva, where delegations discussed a ")
				.append("ceasefire, prisoner exchanges and <b>reconstruction</b> funding; observers expect more rounds.</p>]]>")
				.append("</description></item>\n");
		}
		return xml.append("</channel></rss>\n").toString();
	}

}
