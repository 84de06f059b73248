package org.newswire.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch node run as a child process from the unpacked distribution, with the running JDK
 * (the integ-test zip bundles none). Each node gets its own folder with a copy of the config, its data and
 * logs and {@code console.log} (everything the node prints); the folder is deleted on stop unless the data
 * was asked to outlive it. When this JVM runs as root the node runs as {@code nobody}.
 */
final class ElasticsearchNode implements ElasticsearchStack {

	/** Heap of the node; {@code -Dnewswire.stack.elasticsearch-heap=1g} to change. */
	static final String HEAP = System.getProperty("newswire.stack.elasticsearch-heap", "512m");

	/** More options for the node's JVM: {@code -Dnewswire.stack.elasticsearch-java-opts=...}. */
	static final String JAVA_OPTS = System.getProperty("newswire.stack.elasticsearch-java-opts", "");

	static final Duration START_TIMEOUT = Duration.ofSeconds(
			Long.getLong("newswire.stack.elasticsearch-start-timeout-seconds", 120));

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final int START_ATTEMPTS = 3;

	private static final Pattern HEALTH_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow|red)\"");

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);

	/** {@code httpPort} 0: a free port; {@code dataDir} null: throw-away data. */
	record Options(int httpPort, Path dataDir) {
	}

	private final Process process;

	private final URI uri;

	private final Path instanceDir;

	private boolean stopped;

	private ElasticsearchNode(Process process, URI uri, Path instanceDir) {
		this.process = process;
		this.uri = uri;
		this.instanceDir = instanceDir;
	}

	static ElasticsearchNode start(Options options) {
		FreePorts.requireFree(options.httpPort(), "Elasticsearch HTTP");
		Optional<UnprivilegedUser> user = UnprivilegedUser.forElasticsearch();
		Path base = StackDirectories.base(user);
		Path home = ElasticsearchDistribution.home(base);
		Path instances = StackDirectories.createShared(base.resolve("instances"));
		removeAbandonedInstances(instances);
		for (int attempt = 1;; attempt++) {
			int httpPort = FreePorts.orFree(options.httpPort());
			int transportPort = FreePorts.find();
			try {
				return launch(home, instances, user, options, httpPort, transportPort);
			}
			catch (PortTakenException ex) {
				// a free port can be taken by another process between our check and the node's bind
				if (options.httpPort() > 0 || attempt >= START_ATTEMPTS) {
					throw new IllegalStateException(ex.getMessage(), ex);
				}
				log.warn("Elasticsearch could not bind port {} or {}, retrying on other ports", httpPort, transportPort);
			}
		}
	}

	private static ElasticsearchNode launch(Path home, Path instances, Optional<UnprivilegedUser> user, Options options,
			int httpPort, int transportPort) {
		long started = System.nanoTime();
		Path instanceDir = createInstanceDir(instances, httpPort);
		Path dataRoot = (options.dataDir() != null) ? persistentDataRoot(options.dataDir(), user) : instanceDir;
		Path configDir = instanceDir.resolve("config");
		Path consoleLog = instanceDir.resolve("console.log");
		Process process;
		try {
			copyTree(home.resolve("config"), configDir);
			ElasticsearchSettings settings = new ElasticsearchSettings("newswire-" + httpPort, httpPort, transportPort,
					Files.createDirectories(dataRoot.resolve("data")), Files.createDirectories(dataRoot.resolve("logs")));
			Files.writeString(configDir.resolve("elasticsearch.yml"), settings.yaml());
			Path tmp = Files.createDirectories(instanceDir.resolve("tmp"));
			Files.createFile(consoleLog);
			if (user.isPresent()) {
				user.get().own(instanceDir);
				user.get().own(dataRoot);
			}
			List<String> command = new ArrayList<>(user.map(UnprivilegedUser::commandPrefix).orElse(List.of()));
			command.add(home.resolve("bin/elasticsearch").toString());
			ProcessBuilder builder = new ProcessBuilder(ProcessWatchdog.wrap(ProcessHandle.current().pid(), command))
				.directory(instanceDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			environment(builder.environment(), configDir, tmp);
			process = builder.start();
		}
		catch (IOException ex) {
			StackDirectories.deleteTree(instanceDir);
			throw new UncheckedIOException("Cannot start Elasticsearch in " + instanceDir, ex);
		}
		ElasticsearchNode node = new ElasticsearchNode(process, URI.create("http://127.0.0.1:" + httpPort), instanceDir);
		try {
			node.awaitHealthy(consoleLog);
		}
		catch (RuntimeException ex) {
			String tail = tail(consoleLog, 60);
			node.stop();
			if (tail.contains("BindException") || tail.contains("Address already in use")) {
				throw new PortTakenException("Elasticsearch could not bind port " + httpPort + " or " + transportPort
						+ ":\n" + tail);
			}
			throw new IllegalStateException(ex.getMessage() + "\n--- last lines of " + consoleLog + " ---\n" + tail, ex);
		}
		log.info("Elasticsearch {} ready at {} in {} ms (pid {}, folder {})", StackVersions.ELASTICSEARCH, node.uri,
				(System.nanoTime() - started) / 1_000_000, process.pid(), instanceDir);
		return node;
	}

	private static void environment(Map<String, String> env, Path configDir, Path tmp) {
		// the launcher scripts would pass these to the node's JVMs or complain about them
		Stream.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "CLASSPATH",
				"CLI_JAVA_OPTS")
			.forEach(env::remove);
		env.put("ES_JAVA_HOME", System.getProperty("java.home"));
		env.put("ES_PATH_CONF", configDir.toString());
		env.put("ES_TMPDIR", tmp.toString());
		env.put("ES_JAVA_OPTS", ("-Xms" + HEAP + " -Xmx" + HEAP + " " + JAVA_OPTS).strip());
	}

	private static Path createInstanceDir(Path instances, int httpPort) {
		try {
			Path dir = Files.createTempDirectory(instances, "es-" + httpPort + "-");
			Files.writeString(dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a node folder in " + instances, ex);
		}
	}

	/** Folders left by JVMs that were killed before their shutdown hook ran. */
	private static void removeAbandonedInstances(Path instances) {
		try (Stream<Path> dirs = Files.list(instances)) {
			dirs.filter(dir -> ownerGone(dir.resolve("owner.pid"))).forEach(StackDirectories::deleteTree);
		}
		catch (IOException ex) {
			log.debug("Could not clean {}: {}", instances, ex.toString());
		}
	}

	private static boolean ownerGone(Path pidFile) {
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

	private static Path persistentDataRoot(Path dataDir, Optional<UnprivilegedUser> user) {
		Path preferred = dataDir.resolve("elasticsearch");
		Path fallback = Path.of("/tmp/newswire-stack/data-" + Integer.toHexString(dataDir.toAbsolutePath().hashCode()));
		Path root = StackDirectories.reachable(preferred, fallback, user, "Elasticsearch data directory");
		try {
			return Files.createDirectories(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + root, ex);
		}
	}

	private void awaitHealthy(Path consoleLog) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI health = this.uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s");
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Elasticsearch exited with code " + this.process.exitValue()
						+ " before it was ready");
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				Matcher status = HEALTH_STATUS.matcher(response.body());
				if (response.statusCode() == 200 && status.find() && !status.group(1).equals("red")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new IllegalStateException("Elasticsearch at " + this.uri + " was not healthy within "
				+ START_TIMEOUT.toSeconds() + " s");
	}

	@Override
	public URI uri() {
		return this.uri;
	}

	Path instanceDir() {
		return this.instanceDir;
	}

	/** The watchdog shell, the launcher and the server JVM: what {@link #stop()} ends. */
	List<ProcessHandle> processTree() {
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(this.process.toHandle());
		this.process.descendants().forEach(tree::add);
		return tree;
	}

	@Override
	public synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		List<ProcessHandle> tree = processTree();
		// SIGTERM everywhere: the server shuts down cleanly, the launcher and watchdog follow
		tree.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
		for (ProcessHandle handle : tree) {
			awaitExit(handle, deadline);
		}
		List<ProcessHandle> survivors = tree.stream().filter(ProcessHandle::isAlive).toList();
		if (!survivors.isEmpty()) {
			log.warn("Elasticsearch at {} ignored SIGTERM for {} s, killing {}", this.uri, STOP_TIMEOUT.toSeconds(),
					survivors);
			survivors.forEach(ProcessHandle::destroyForcibly);
			survivors.forEach(handle -> awaitExit(handle, System.nanoTime() + Duration.ofSeconds(10).toNanos()));
		}
		StackDirectories.deleteTree(this.instanceDir);
		log.info("Elasticsearch at {} stopped", this.uri);
	}

	private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
		long remaining = deadlineNanos - System.nanoTime();
		if (remaining <= 0) {
			return;
		}
		try {
			handle.onExit().get(remaining, java.util.concurrent.TimeUnit.NANOSECONDS);
		}
		catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
			// reported by the caller through isAlive()
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	static String tail(Path file, int lines) {
		try {
			List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

	private static final class PortTakenException extends RuntimeException {

		PortTakenException(String message) {
			super(message);
		}

	}

}
