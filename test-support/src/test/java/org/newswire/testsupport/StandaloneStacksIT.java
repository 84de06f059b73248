package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Stacks of their own, apart from the JVM-wide one: fixed ports and a full stop. */
class StandaloneStacksIT {

	@Test
	void stopEndsEveryProcessOfTheNodeAndDeletesItsFolder() {
		ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Options(0, null));
		List<ProcessHandle> processes = node.processTree();
		int port = node.uri().getPort();
		// watchdog shell, launcher JVM, server JVM
		assertThat(processes).hasSizeGreaterThanOrEqualTo(3).allMatch(ProcessHandle::isAlive);

		node.stop();

		assertThat(processes).noneMatch(ProcessHandle::isAlive);
		assertThat(Files.exists(node.instanceDir())).isFalse();
		assertThat(FreePorts.isFree(port)).isTrue();
	}

	@Test
	void startsKafkaOnARequestedPort() {
		int port = FreePorts.find();
		try (KafkaStack kafka = KafkaStack.embedded(port)) {
			assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
		}
		assertThat(FreePorts.isFree(port)).isTrue();
	}

}
