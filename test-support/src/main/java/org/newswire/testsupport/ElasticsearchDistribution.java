package org.newswire.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch distribution zip from Maven Central
 * ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip}), unpacked once into a
 * shared cache directory that every JVM on the machine reuses.
 */
final class ElasticsearchDistribution {

	/** Set by the parent pom's failsafe configuration to the zip in the local Maven repository. */
	static final String ZIP_PROPERTY = "newswire.stack.elasticsearch-zip";

	static final String ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
			+ StackVersions.ELASTICSEARCH + ":zip";

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);

	private ElasticsearchDistribution() {
	}

	/** The unpacked distribution ({@code bin/elasticsearch} inside), unpacking it first if needed. */
	static Path home(Path cacheDir) {
		Path zip = locateZip(System.getProperty(ZIP_PROPERTY), System.getProperty("maven.repo.local"),
				System.getProperty("user.home"));
		return unpack(zip, cacheDir);
	}

	/**
	 * The zip named by {@code -Dnewswire.stack.elasticsearch-zip}, else the one in the local Maven
	 * repository ({@code -Dmaven.repo.local} or {@code ~/.m2/repository}).
	 */
	static Path locateZip(String zipProperty, String mavenRepoLocal, String userHome) {
		Path zip;
		if (zipProperty != null && !zipProperty.isBlank()) {
			zip = Path.of(zipProperty);
		}
		else {
			Path repository = (mavenRepoLocal != null && !mavenRepoLocal.isBlank()) ? Path.of(mavenRepoLocal)
					: Path.of(userHome, ".m2", "repository");
			String version = StackVersions.ELASTICSEARCH;
			zip = repository.resolve("org/elasticsearch/distribution/integ-test-zip/elasticsearch")
				.resolve(version)
				.resolve("elasticsearch-" + version + ".zip");
		}
		if (!Files.isRegularFile(zip)) {
			throw new IllegalStateException("Elasticsearch distribution not found at " + zip
					+ ". Fetch it into the local Maven repository with: ./mvnw dependency:get -Dartifact=" + ARTIFACT
					+ " (or point -D" + ZIP_PROPERTY + " at the zip)");
		}
		return zip;
	}

	static Path unpack(Path zip, Path cacheDir) {
		Path home = cacheDir.resolve("elasticsearch-" + StackVersions.ELASTICSEARCH);
		if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
			return home;
		}
		// FileLock keeps other JVMs out; the class lock keeps other threads of this JVM out
		synchronized (ElasticsearchDistribution.class) {
			StackDirectories.createShared(cacheDir);
			Path lockFile = cacheDir.resolve(home.getFileName() + ".lock");
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
					return home;
				}
				long started = System.nanoTime();
				Path staging = Files.createTempDirectory(cacheDir, home.getFileName() + ".unpacking-");
				try {
					extract(zip, staging);
					Path top = staging.resolve(home.getFileName());
					if (!Files.isRegularFile(top.resolve("bin/elasticsearch"))) {
						throw new IllegalStateException(zip + " has no " + home.getFileName() + "/bin/elasticsearch");
					}
					Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
				}
				finally {
					StackDirectories.deleteTree(staging);
				}
				log.info("Unpacked {} into {} in {} ms", zip.getFileName(), home, (System.nanoTime() - started) / 1_000_000);
				return home;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot unpack " + zip + " into " + cacheDir, ex);
			}
		}
	}

	private static void extract(Path zip, Path target) throws IOException {
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Zip entry outside the target directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
					continue;
				}
				Files.createDirectories(path.getParent());
				Files.copy(entries, path, StandardCopyOption.REPLACE_EXISTING);
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(isScript(entry.getName())
						? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		// directories the zip does not list on their own
		try (Stream<Path> paths = Files.walk(target)) {
			for (Path dir : (Iterable<Path>) paths.filter(Files::isDirectory)::iterator) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}
	}

	static boolean isScript(String entryName) {
		return entryName.contains("/bin/") && !entryName.endsWith("/") && !entryName.endsWith(".bat")
				&& !entryName.endsWith(".exe");
	}

}
