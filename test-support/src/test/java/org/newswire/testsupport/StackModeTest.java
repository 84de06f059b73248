package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StackModeTest {

	@Test
	void isAutoWhenNothingIsSet() {
		assertThat(StackMode.requested(null, null)).isEqualTo(StackMode.AUTO);
		assertThat(StackMode.requested(" ", "")).isEqualTo(StackMode.AUTO);
	}

	@Test
	void prefersTheSystemPropertyOverTheEnvironment() {
		assertThat(StackMode.requested("embedded", "containers")).isEqualTo(StackMode.EMBEDDED);
		assertThat(StackMode.requested(null, "Containers")).isEqualTo(StackMode.CONTAINERS);
	}

	@Test
	void rejectsAnUnknownModeNamingTheChoices() {
		assertThatIllegalArgumentException().isThrownBy(() -> StackMode.requested("docker", null))
			.withMessageContaining("newswire.stack=docker")
			.withMessageContaining("auto, embedded or containers");
	}

	@Test
	void autoUsesContainersOnlyWhenDockerAnswers() {
		assertThat(StackMode.AUTO.resolve(() -> true)).isEqualTo(StackMode.CONTAINERS);
		assertThat(StackMode.AUTO.resolve(() -> false)).isEqualTo(StackMode.EMBEDDED);
	}

	@Test
	void anExplicitModeNeverAsksDocker() {
		AtomicInteger probes = new AtomicInteger();

		assertThat(StackMode.EMBEDDED.resolve(() -> probes.incrementAndGet() > 0)).isEqualTo(StackMode.EMBEDDED);
		assertThat(StackMode.CONTAINERS.resolve(() -> probes.incrementAndGet() > 0)).isEqualTo(StackMode.CONTAINERS);
		assertThat(probes).hasValue(0);
	}

}
