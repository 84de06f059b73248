package org.newswire.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the stack keeps the unpacked Elasticsearch and one folder per running node:
 * {@code -Dnewswire.stack.dir}, else {@code ${java.io.tmpdir}/newswire-stack}. When the node runs as
 * {@code nobody}, a folder it cannot reach (under {@code /root}, say) is replaced by one under {@code /tmp}.
 */
final class StackDirectories {

	static final String DIR_PROPERTY = "newswire.stack.dir";

	private static final Logger log = LoggerFactory.getLogger(StackDirectories.class);

	private static final Path FALLBACK = Path.of("/tmp/newswire-stack");

	private StackDirectories() {
	}

	static Path base(Optional<UnprivilegedUser> user) {
		Path configured = Path.of(System.getProperty(DIR_PROPERTY,
				Path.of(System.getProperty("java.io.tmpdir"), "newswire-stack").toString()));
		Path base = reachable(configured, FALLBACK, user, "stack directory");
		return createShared(base);
	}

	/** {@code preferred} if {@code user} can reach it, else {@code fallback} (which it must reach). */
	static Path reachable(Path preferred, Path fallback, Optional<UnprivilegedUser> user, String what) {
		if (user.isEmpty()) {
			return preferred.toAbsolutePath();
		}
		Optional<Path> blocking = user.get().firstBlockingAncestor(preferred);
		if (blocking.isEmpty()) {
			return preferred.toAbsolutePath();
		}
		Optional<Path> fallbackBlocking = user.get().firstBlockingAncestor(fallback);
		if (fallbackBlocking.isPresent()) {
			throw new IllegalStateException("Elasticsearch runs as user '" + user.get().name() + "', which cannot reach "
					+ preferred + " (" + blocking.get() + " is not traversable) nor " + fallback + " ("
					+ fallbackBlocking.get() + "); set -D" + DIR_PROPERTY + " to a directory others may traverse");
		}
		log.warn("Elasticsearch runs as user '{}', which cannot reach {} ({} is not traversable): using {} as {} instead",
				user.get().name(), preferred, blocking.get(), fallback, what);
		return fallback;
	}

	/** Creates {@code dir} (and parents) readable and traversable by every user. */
	static Path createShared(Path dir) {
		try {
			Files.createDirectories(dir);
			if (Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + dir, ex);
		}
	}

	static void deleteTree(Path root) {
		if (root == null || !Files.exists(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			log.warn("Could not delete {} completely: {}", root, ex.toString());
		}
	}

}
