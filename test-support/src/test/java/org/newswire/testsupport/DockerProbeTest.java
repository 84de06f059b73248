package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {

	@TempDir
	Path home;

	@Test
	void takesDockerHostAsAConfiguredEngine() {
		assertThat(DockerProbe.anyDockerConfigured(Map.of("DOCKER_HOST", "tcp://docker:2375"), this.home)).isTrue();
	}

	@Test
	void findsASocketInTheRuntimeDirectory() throws IOException {
		Path runtime = Files.createDirectories(this.home.resolve("run-user"));
		Files.createFile(runtime.resolve("docker.sock"));

		assertThat(DockerProbe.anyDockerConfigured(Map.of("XDG_RUNTIME_DIR", runtime.toString()), this.home)).isTrue();
	}

	@Test
	void findsTestcontainersSettingsInTheHomeDirectory() throws IOException {
		Files.writeString(this.home.resolve(".testcontainers.properties"), "docker.host=tcp://remote:2375\n");

		assertThat(DockerProbe.anyDockerConfigured(Map.of(), this.home)).isTrue();
	}

}
