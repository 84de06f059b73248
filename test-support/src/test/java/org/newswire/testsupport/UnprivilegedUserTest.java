package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnprivilegedUserTest {

	private static final List<String> PASSWD = List.of("root:x:0:0:root:/root:/bin/bash",
			"daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin", "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin");

	private final UnprivilegedUser nobody = new UnprivilegedUser("nobody", 65534, 65534);

	@Test
	void readsUidAndGidFromPasswd() {
		assertThat(UnprivilegedUser.fromPasswd(PASSWD, "nobody")).isEqualTo(this.nobody);
	}

	@Test
	void explainsWhenTheUserDoesNotExist() {
		assertThatIllegalStateException().isThrownBy(() -> UnprivilegedUser.fromPasswd(PASSWD, "elasticsearch"))
			.withMessageContaining("'elasticsearch'");
	}

	@Test
	void findsTheDirectoryOthersCannotTraverse(@TempDir Path temp) throws IOException {
		Path locked = Files.createDirectory(temp.resolve("locked"));
		Path inside = Files.createDirectories(locked.resolve("stack/data"));
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));

		assertThat(this.nobody.firstBlockingAncestor(inside)).contains(locked);
		assertThat(this.nobody.firstBlockingAncestor(temp)).isEmpty();
	}

	@Test
	void acceptsPathsThatDoNotExistYetBelowATraversableDirectory(@TempDir Path temp) throws IOException {
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));

		assertThat(this.nobody.firstBlockingAncestor(temp.resolve("not/yet/there"))).isEmpty();
	}

	@Test
	void dropsToTheUserWithSetprivOrRunuser() {
		assertThat(this.nobody.commandPrefix()).last().isEqualTo("--");
		assertThat(String.join(" ", this.nobody.commandPrefix())).containsAnyOf("--reuid=65534 --regid=65534",
				"-u nobody");
	}

}
