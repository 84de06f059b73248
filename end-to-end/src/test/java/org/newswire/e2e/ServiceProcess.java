package org.newswire.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One packaged service started as its own JVM, configured only through environment variables (as
 * compose does), with its output in {@code target/e2e-logs}.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String module;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String module, int port, Process process, Path log) {
		this.module = module;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	static ServiceProcess start(String module, int port, Map<String, String> environment) throws IOException {
		Path jar = packagedJar(module);
		Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
		Path log = logs.resolve(module + ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process process = builder.start();
		ServiceProcess service = new ServiceProcess(module, port, process, log);
		Runtime.getRuntime().addShutdownHook(new Thread(service::close));
		return service;
	}

	private static Path packagedJar(String module) throws IOException {
		Path target = Path.of("..", module, "target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(path -> path.getFileName().toString().matches(module + "-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No packaged jar in " + target.toAbsolutePath() + ": run ./mvnw verify from the root"));
		}
	}

	URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

	HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Whether the service answers its health endpoint; fails fast if the process died. */
	boolean healthy() throws IOException {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.module + " exited with " + this.process.exitValue() + "; log tail:\n"
					+ logTail());
		}
		try {
			return get("/actuator/health").statusCode() == 200;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	String logTail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public String toString() {
		return this.module + " on port " + this.port;
	}

}
