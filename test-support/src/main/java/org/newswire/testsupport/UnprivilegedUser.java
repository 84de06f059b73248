package org.newswire.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The account Elasticsearch runs as when this JVM runs as root (Elasticsearch refuses root): {@code nobody}.
 * It must own the node's config, data and logs, and reach them through directories others may traverse.
 */
record UnprivilegedUser(String name, int uid, int gid) {

	static final String NAME = "nobody";

	private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

	private static final Path RUNUSER = Path.of("/usr/sbin/runuser");

	/** {@code nobody} when this JVM runs as root, else empty (the node runs as the current user). */
	static Optional<UnprivilegedUser> forElasticsearch() {
		if (!runningAsRoot()) {
			return Optional.empty();
		}
		try {
			return Optional.of(fromPasswd(Files.readAllLines(Path.of("/etc/passwd")), NAME));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read /etc/passwd to find user " + NAME, ex);
		}
	}

	static boolean runningAsRoot() {
		try {
			// /proc/self belongs to the effective user of this process
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	static UnprivilegedUser fromPasswd(List<String> passwdLines, String name) {
		return passwdLines.stream()
			.map(line -> line.split(":"))
			.filter(fields -> fields.length >= 4 && fields[0].equals(name))
			.findFirst()
			.map(fields -> new UnprivilegedUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3])))
			.orElseThrow(() -> new IllegalStateException("Running as root, Elasticsearch must run as user '" + name
					+ "', but /etc/passwd has no such user"));
	}

	/** The command that runs what follows it as this user, with no supplementary groups. */
	List<String> commandPrefix() {
		if (Files.isExecutable(SETPRIV)) {
			return List.of(SETPRIV.toString(), "--reuid=" + this.uid, "--regid=" + this.gid, "--clear-groups", "--");
		}
		if (Files.isExecutable(RUNUSER)) {
			return List.of(RUNUSER.toString(), "-u", this.name, "--");
		}
		throw new IllegalStateException("Running as root, Elasticsearch must run as '" + this.name
				+ "' but neither setpriv nor runuser exists; install util-linux or run the build as a normal user");
	}

	/** Hands {@code tree} and everything below it to this user. */
	void own(Path tree) {
		try (Stream<Path> paths = Files.walk(tree)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Files.setAttribute(path, "unix:uid", this.uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
				Files.setAttribute(path, "unix:gid", this.gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot hand " + tree + " to user " + this.name, ex);
		}
	}

	/**
	 * The first existing directory on the way to {@code path} that this user may not traverse
	 * (like {@code /root}, mode 700), or empty when the path is reachable.
	 */
	Optional<Path> firstBlockingAncestor(Path path) {
		List<Path> chain = new ArrayList<>();
		for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
			chain.add(0, p);
		}
		for (Path dir : chain) {
			if (!Files.isDirectory(dir)) {
				break;
			}
			try {
				PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
				int owner = (Integer) Files.getAttribute(dir, "unix:uid");
				int group = (Integer) Files.getAttribute(dir, "unix:gid");
				boolean traversable = owner == this.uid ? attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE)
						: group == this.gid ? attributes.permissions().contains(PosixFilePermission.GROUP_EXECUTE)
								: attributes.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
				if (!traversable) {
					return Optional.of(dir);
				}
			}
			catch (IOException ex) {
				return Optional.of(dir);
			}
		}
		return Optional.empty();
	}

}
