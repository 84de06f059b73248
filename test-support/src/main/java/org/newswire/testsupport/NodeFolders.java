package org.newswire.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders of Elasticsearch nodes: {@code <stack dir>/instances/es-<port>-<random>} per node, holding
 * {@code owner.pid} (the JVM that started it), the config copy, throw-away data and logs, {@code console.log}.
 */
final class NodeFolders {

	private static final Logger log = LoggerFactory.getLogger(NodeFolders.class);

	private NodeFolders() {
	}

	static Path create(Path instances, int httpPort) {
		try {
			Path dir = Files.createTempDirectory(instances, "es-" + httpPort + "-");
			Files.writeString(dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a node folder in " + instances, ex);
		}
	}

	/** Deletes folders of JVMs that were killed before their shutdown hook ran. */
	static void removeAbandoned(Path instances) {
		try (Stream<Path> dirs = Files.list(instances)) {
			dirs.filter(dir -> ownerGone(dir.resolve("owner.pid"))).forEach(StackDirectories::deleteTree);
		}
		catch (IOException ex) {
			log.debug("Could not clean {}: {}", instances, ex.toString());
		}
	}

	/** True only when the pid file names a process that no longer runs (a folder being created has none yet). */
	static boolean ownerGone(Path pidFile) {
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * {@code <dataDir>/elasticsearch}, which outlives the node; for a node run as {@code nobody} that cannot
	 * reach it, a folder under {@code /tmp} named after it.
	 */
	static Path persistentDataRoot(Path dataDir, Optional<UnprivilegedUser> user) {
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

	static void copyTree(Path source, Path target) throws IOException {
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

}
