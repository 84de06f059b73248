package org.newswire.enrich.topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newswire.events.TopicMatch;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveTaxonomyTest {

	private static final String ONE_TOPIC = """
			topics:
			  - id: peace-talks
			    label: Peace talks
			    threshold: 4
			    terms:
			      peace talks: 5
			""";

	private static final String TWO_TOPICS = ONE_TOPIC + """
			  - id: space
			    label: Space
			    threshold: 4
			    terms:
			      space station: 5
			""";

	@TempDir
	Path dir;

	@Test
	void picksUpAChangedFileWithoutARestart() throws IOException {
		Path file = write(ONE_TOPIC, 1);
		LiveTaxonomy live = new LiveTaxonomy(new FileSystemResource(file));
		assertThat(tag(live, "Crew returns to the space station")).isEmpty();

		write(TWO_TOPICS, 2);

		assertThat(live.reloadIfChanged()).isTrue();
		assertThat(tag(live, "Crew returns to the space station")).containsExactly("space");
		assertThat(live.lastError()).isEmpty();
	}

	@Test
	void refusesABadFileNamingTheLineAndKeepsTheLastGoodOne() throws IOException {
		Path file = write(TWO_TOPICS, 1);
		LiveTaxonomy live = new LiveTaxonomy(new FileSystemResource(file));

		write(TWO_TOPICS.replace("space station: 5", "space station: -1"), 2);

		assertThat(live.reloadIfChanged()).isFalse();
		assertThat(live.lastError()).hasValueSatisfying(message -> assertThat(message).contains("line 11")
			.contains("space station")
			.contains("weight > 0"));
		assertThat(tag(live, "Crew returns to the space station")).containsExactly("space");
	}

	@Test
	void refusesBrokenYamlNamingTheLine() throws IOException {
		Path file = write(ONE_TOPIC, 1);
		LiveTaxonomy live = new LiveTaxonomy(new FileSystemResource(file));

		write(ONE_TOPIC + "  - id: [unclosed\n", 2);

		assertThat(live.reloadIfChanged()).isFalse();
		assertThat(live.lastError()).hasValueSatisfying(message -> assertThat(message).contains("line 7"));
		assertThat(tag(live, "Peace talks resume")).containsExactly("peace-talks");
	}

	@Test
	void doesNotStartWithABadFile() throws IOException {
		Path file = write(ONE_TOPIC.replace("    label: Peace talks\n", ""), 1);

		assertThatThrownBy(() -> new LiveTaxonomy(new FileSystemResource(file)))
			.isInstanceOf(InvalidTaxonomyException.class)
			.hasMessageContaining("line 2")
			.hasMessageContaining("has no label");
	}

	private Path write(String yaml, int second) throws IOException {
		Path file = dir.resolve("taxonomy.yml");
		Files.writeString(file, yaml, StandardCharsets.UTF_8);
		// the file system's clock may not move between two writes in one test
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(second)));
		return file;
	}

	private static java.util.List<String> tag(LiveTaxonomy live, String title) {
		return live.get().tag(title, title).stream().map(TopicMatch::id).toList();
	}

}
