package org.newswire.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Serves a folder over HTTP on the loopback interface: the bundled sample news site of the local run. */
final class StaticSite implements AutoCloseable {

	private final HttpServer server;

	private final Path root;

	private StaticSite(HttpServer server, Path root) {
		this.server = server;
		this.root = root;
	}

	static StaticSite start(Path root, int port) {
		Path dir = root.toAbsolutePath().normalize();
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("Site folder " + dir + " does not exist");
		}
		FreePorts.requireFree(port, "the sample site");
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
			StaticSite site = new StaticSite(server, dir);
			server.createContext("/", site::handle);
			server.setExecutor(Executors.newFixedThreadPool(2));
			server.start();
			return site;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot serve " + dir + " on port " + port, ex);
		}
	}

	URI uri() {
		return URI.create("http://localhost:" + this.server.getAddress().getPort() + "/");
	}

	/** The file a request path names, if it lies inside the root; a folder means its {@code index.html}. */
	static Optional<Path> resolve(Path root, String requestPath) {
		String relative = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
		Path file = root.resolve(relative).normalize();
		if (!file.startsWith(root)) {
			return Optional.empty();
		}
		if (Files.isDirectory(file)) {
			file = file.resolve("index.html");
		}
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	static String contentType(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xml") || name.endsWith(".rss")) {
			return "application/rss+xml; charset=utf-8";
		}
		if (name.endsWith(".html") || name.endsWith(".htm")) {
			return "text/html; charset=utf-8";
		}
		if (name.endsWith(".json")) {
			return "application/json";
		}
		if (name.endsWith(".txt")) {
			return "text/plain; charset=utf-8";
		}
		return "application/octet-stream";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			if (!method.equals("GET") && !method.equals("HEAD")) {
				respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
				return;
			}
			Optional<Path> file = resolve(this.root, exchange.getRequestURI().getPath());
			if (file.isEmpty()) {
				respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
				return;
			}
			respond(exchange, 200, contentType(file.get()), Files.readAllBytes(file.get()));
		}
	}

	private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		boolean head = exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(status, head ? -1 : body.length);
		if (!head) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
