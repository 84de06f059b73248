package org.newswire.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
		NodeFolders.removeAbandoned(instances);
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
		Path instanceDir = NodeFolders.create(instances, httpPort);
		Path dataRoot = (options.dataDir() != null) ? NodeFolders.persistentDataRoot(options.dataDir(), user) : instanceDir;
		Path configDir = instanceDir.resolve("config");
		Path consoleLog = instanceDir.resolve("console.log");
		Process process;
		try {
			NodeFolders.copyTree(home.resolve("config"), configDir);
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
			ClusterHealth.await(node.uri, process, START_TIMEOUT);
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
		// SIGTERM everywhere: the server shuts down cleanly, the launcher and the watchdog follow
		ProcessTree.terminate(processTree(), STOP_TIMEOUT, "Elasticsearch at " + this.uri);
		StackDirectories.deleteTree(this.instanceDir);
		log.info("Elasticsearch at {} stopped", this.uri);
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

	private static final class PortTakenException extends RuntimeException {

		PortTakenException(String message) {
			super(message);
		}

	}

}
