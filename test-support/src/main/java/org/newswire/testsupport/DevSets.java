package org.newswire.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared development sets beside the repository ({@code ../shared} from the repository
 * root, or {@code -Dnewswire.shared.dir=...}). They are never copied into the repository; tests
 * that use them skip when they are absent.
 */
public final class DevSets {

	private DevSets() {
	}

	/** The set called {@code name} (e.g. {@code extraction-dev}), when it is there. */
	public static Optional<Path> find(String name) {
		String configured = System.getProperty("newswire.shared.dir");
		List<Path> candidates = configured != null ? List.of(Path.of(configured))
				: List.of(Path.of("..", "shared"), Path.of("..", "..", "shared"));
		return candidates.stream()
			.map(dir -> dir.resolve(name).toAbsolutePath().normalize())
			.filter(Files::isDirectory)
			.findFirst();
	}

	/** Where predictions files are written, for the shared scorers. */
	public static Path output(String file) throws java.io.IOException {
		Path dir = Path.of("target", "devset");
		Files.createDirectories(dir);
		return dir.resolve(file).toAbsolutePath();
	}

}
