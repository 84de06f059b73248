package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFoldersTest {

	@TempDir
	Path instances;

	@Test
	void removesFoldersOfJvmsThatAreGoneAndKeepsTheOthers() throws Exception {
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		Path abandoned = folder("es-1-a", Long.toString(finished.pid()));
		Path mine = NodeFolders.create(this.instances, 2);
		Path beingCreated = Files.createDirectory(this.instances.resolve("es-3-c"));

		NodeFolders.removeAbandoned(this.instances);

		assertThat(abandoned).doesNotExist();
		assertThat(mine).exists();
		assertThat(beingCreated).exists();
	}

	@Test
	void copiesTheConfigTree() throws IOException {
		Path source = Files.createDirectories(this.instances.resolve("home/config/jvm.options.d"));
		Files.writeString(source.getParent().resolve("jvm.options"), "-XX:+UseG1GC");

		NodeFolders.copyTree(source.getParent(), this.instances.resolve("node/config"));

		assertThat(this.instances.resolve("node/config/jvm.options")).hasContent("-XX:+UseG1GC");
		assertThat(this.instances.resolve("node/config/jvm.options.d")).isDirectory();
	}

	private Path folder(String name, String pid) throws IOException {
		Path dir = Files.createDirectory(this.instances.resolve(name));
		Files.writeString(dir.resolve("owner.pid"), pid);
		return dir;
	}

}
