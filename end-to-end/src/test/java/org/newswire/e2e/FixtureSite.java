package org.newswire.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A local news site: an RSS feed with one item, linking to the seed article inside page clutter. */
final class FixtureSite implements AutoCloseable {

	static final String ARTICLE_PATH = "/world/ukraine-peace-talks";

	private final HttpServer server;

	private FixtureSite(HttpServer server) {
		this.server = server;
	}

	static FixtureSite start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		FixtureSite site = new FixtureSite(server);
		server.createContext("/feed.xml", exchange -> site.send(exchange, "application/rss+xml; charset=utf-8",
				resource("feed.xml").replace("{{base}}", site.baseUrl())));
		server.createContext(ARTICLE_PATH,
				exchange -> site.send(exchange, "text/html; charset=utf-8", resource("seed-article.html")));
		server.start();
		return site;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String feedUrl() {
		return baseUrl() + "/feed.xml";
	}

	static String resource(String name) throws IOException {
		try (InputStream in = FixtureSite.class.getResourceAsStream("/site/" + name)) {
			if (in == null) {
				throw new IOException("Missing test resource site/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private void send(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
