package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

	@Test
	void defaultsToTheStandardPortsAndThrowAwayData() {
		assertThat(LocalStackOptions.parse()).isEqualTo(new LocalStackOptions(9092, 9200, null, null, 8090));
	}

	@Test
	void readsPortsAndDataDirectory() {
		assertThat(LocalStackOptions.parse("--kafka-port", "19092", "--elasticsearch-port", "19200", "--data-dir", ".local/stack",
				"--site", "samples/site", "--site-port", "18090"))
			.isEqualTo(new LocalStackOptions(19092, 19200, Path.of(".local/stack"), Path.of("samples/site"), 18090));
	}

	@Test
	void rejectsABadPortWithUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-port", "kafka"))
			.withMessageContaining("--kafka-port needs a port between 1 and 65535, got 'kafka'")
			.withMessageContaining("usage:");
	}

	@Test
	void rejectsUnknownOptionsAndMissingValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--zookeeper", "2181"))
			.withMessageContaining("unknown option --zookeeper");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--data-dir"))
			.withMessageContaining("missing value after --data-dir");
	}

}
