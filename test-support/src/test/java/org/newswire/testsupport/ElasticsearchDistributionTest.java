package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

	private static final String IN_REPOSITORY = "org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
			+ StackVersions.ELASTICSEARCH + "/elasticsearch-" + StackVersions.ELASTICSEARCH + ".zip";

	@TempDir
	Path temp;

	@Test
	void usesTheZipNamedByTheSystemProperty() throws IOException {
		Path zip = Files.createFile(this.temp.resolve("es.zip"));

		assertThat(ElasticsearchDistribution.locateZip(zip.toString(), "/elsewhere", "/home/x")).isEqualTo(zip);
	}

	@Test
	void looksInTheConfiguredLocalRepository() throws IOException {
		Path zip = createZipUnder(this.temp.resolve("repo"));

		assertThat(ElasticsearchDistribution.locateZip(null, this.temp.resolve("repo").toString(), "/home/x"))
			.isEqualTo(zip);
	}

	@Test
	void fallsBackToTheDefaultLocalRepositoryInTheHomeDirectory() throws IOException {
		Path zip = createZipUnder(this.temp.resolve(".m2/repository"));

		assertThat(ElasticsearchDistribution.locateZip("", null, this.temp.toString())).isEqualTo(zip);
	}

	@Test
	void saysHowToFetchAMissingDistribution() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ElasticsearchDistribution.locateZip(null, this.temp.toString(), "/home/x"))
			.withMessageContaining(this.temp.resolve(IN_REPOSITORY).toString())
			.withMessageContaining("./mvnw dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
					+ StackVersions.ELASTICSEARCH + ":zip");
	}

	@Test
	void marksOnlyUnixLaunchersExecutable() {
		assertThat(ElasticsearchDistribution.isScript("elasticsearch-8.19.21/bin/elasticsearch")).isTrue();
		assertThat(ElasticsearchDistribution.isScript("elasticsearch-8.19.21/bin/elasticsearch.bat")).isFalse();
		assertThat(ElasticsearchDistribution.isScript("elasticsearch-8.19.21/lib/elasticsearch.jar")).isFalse();
	}

	private static Path createZipUnder(Path repository) throws IOException {
		Path zip = repository.resolve(IN_REPOSITORY);
		Files.createDirectories(zip.getParent());
		return Files.createFile(zip);
	}

}
