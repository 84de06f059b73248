package org.newswire.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server for feeds whose content tests change while it runs. Answers with an ETag (the
 * hash of the body) and honours If-None-Match with 304, like a well-behaved feed server.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Document> documents = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** A request as the server saw it: which document, asked by which client (User-Agent), when. */
	record Request(String path, String userAgent, Instant at) {
	}

	private FeedServer(HttpServer server) {
		this.server = server;
	}

	static FeedServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FeedServer feeds = new FeedServer(server);
			server.createContext("/", feeds::handle);
			server.start();
			return feeds;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the feed server", ex);
		}
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	void serve(String path, String contentType, String body) {
		documents.put(path, new Document(contentType, body, 200, Map.of()));
	}

	/** Answers with an error status and the given headers (e.g. Retry-After). */
	void fail(String path, int status, Map<String, String> headers) {
		documents.put(path, new Document("text/plain", "failing on purpose", status, headers));
	}

	void serveRss(String path, String channelTitle, String items) {
		serve(path, "application/rss+xml; charset=utf-8", """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>%s</title><link>https://news.example/</link>
				<language>en</language>
				%s
				</channel></rss>
				""".formatted(channelTitle, items));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			requests.add(new Request(exchange.getRequestURI().getPath(),
					String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")), Instant.now()));
			Document document = documents.get(exchange.getRequestURI().getPath());
			if (document == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
			if (document.status() != 200) {
				document.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				exchange.sendResponseHeaders(document.status(), -1);
				return;
			}
			String etag = "\"" + Integer.toHexString(document.body().hashCode()) + "\"";
			exchange.getResponseHeaders().add("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", document.contentType());
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	List<Request> requests() {
		return List.copyOf(requests);
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private record Document(String contentType, String body, int status, Map<String, String> headers) {
	}

}
