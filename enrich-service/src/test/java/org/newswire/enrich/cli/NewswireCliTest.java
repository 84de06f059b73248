package org.newswire.enrich.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newswire.events.EventSerde;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NewswireCliTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void extractPrintsOneLineWithMetadataTextTopicsAndEntitiesPerFile() throws IOException {
		Path seed = copy("/extract/seed-article-cluttered.html", "seed.html");
		Path structured = copy("/extract/metadata-jsonld.html", "structured.html");

		int status = run("", "extract", seed.toString(), structured.toString());

		List<JsonNode> lines = lines();
		assertThat(status).isZero();
		assertThat(lines).hasSize(2);
		JsonNode article = lines.get(0);
		assertThat(article.path("input").asString()).isEqualTo(seed.toString());
		assertThat(article.path("title").asString()).isEqualTo("Diplomatic Efforts Stall as Ukraine Peace Talks Remain Elusive");
		assertThat(article.path("language").asString()).isEqualTo("en");
		assertThat(article.path("extraction").path("status").asString()).isEqualTo("ok");
		assertThat(article.path("text").asString()).contains("Belt and Road Initiative").doesNotContain("We use cookies");
		assertThat(ids(article.path("topics"))).contains("belt-and-road", "sanctions", "peace-talks");
		assertThat(article.path("topics").get(0).path("matched").get(0).path("term").asString()).isNotBlank();
		assertThat(ids(article.path("entities"))).contains("person:xi-jinping", "place:united-states");
		JsonNode second = lines.get(1);
		assertThat(second.path("publishedAt").asString()).isEqualTo("2025-08-14T08:30:00Z");
		assertThat(second.path("authors").get(0).asString()).isEqualTo("Jane Doe");
		assertThat(second.path("canonicalUrl").asString()).startsWith("https://www.dailycourier.co.uk/");
		assertThat(second.path("siteName").asString()).isEqualTo("The Daily Courier");
	}

	@Test
	void extractReportsAMissingFileAndGoesOn() throws IOException {
		Path seed = copy("/extract/seed-article-cluttered.html", "seed.html");

		int status = run("", "extract", dir.resolve("missing.html").toString(), seed.toString());

		List<JsonNode> lines = lines();
		assertThat(status).isEqualTo(1);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).path("error").asString()).contains("missing.html");
		assertThat(lines.get(1).path("extraction").path("status").asString()).isEqualTo("ok");
	}

	@Test
	void tagPrintsLanguageTopicsAndEntitiesPerLineAndAnErrorForABadOne() {
		String input = """
				{"id":"a1","title":"Ceasefire talks resume in Doha","text":"Negotiators from both sides met in Doha on Thursday to resume ceasefire talks mediated by Qatar and Egypt."}
				not json

				{"id":"a2","title":"Waffenruhe: Friedensgespräche in Genf","text":"Vertreter beider Seiten verhandeln in Genf über eine Waffenruhe und Friedensverhandlungen."}
				""";

		int status = run(input, "tag");

		List<JsonNode> lines = lines();
		assertThat(status).isEqualTo(1);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).path("id").asString()).isEqualTo("a1");
		assertThat(lines.get(0).path("language").asString()).isEqualTo("en");
		assertThat(ids(lines.get(0).path("topics"))).contains("peace-talks");
		assertThat(ids(lines.get(0).path("entities"))).contains("place:qatar");
		assertThat(lines.get(1).path("line").asInt()).isEqualTo(2);
		assertThat(lines.get(1).path("error").asString()).startsWith("not JSON");
		assertThat(lines.get(2).path("id").asString()).isEqualTo("a2");
		assertThat(lines.get(2).path("language").asString()).isEqualTo("de");
		assertThat(ids(lines.get(2).path("topics"))).contains("peace-talks");
	}

	@Test
	void triesAChangedTaxonomyFromAFile() throws IOException {
		Path taxonomy = dir.resolve("taxonomy.yml");
		Files.writeString(taxonomy, """
				topics:
				  - id: space
				    label: Space
				    threshold: 4
				    terms:
				      space station: 5
				""");

		int status = run("{\"id\":\"s\",\"title\":\"Crew returns to the space station\",\"text\":\"\"}\n", "tag",
				"--taxonomy", taxonomy.toString());

		assertThat(status).isZero();
		assertThat(ids(lines().get(0).path("topics"))).containsExactly("space");
	}

	@Test
	void refusesABadTaxonomyOrAnUnknownCommandWithUsage() throws IOException {
		Path taxonomy = dir.resolve("bad.yml");
		Files.writeString(taxonomy, "topics:\n  - id: x\n    threshold: 1\n    terms: {a: 1}\n");

		assertThat(run("", "tag", "--taxonomy", taxonomy.toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2").contains("has no label");
		assertThat(run("", "frobnicate")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("usage:");
	}

	private int run(String stdin, String... args) {
		return NewswireCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private List<JsonNode> lines() {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
			if (!line.isBlank()) {
				lines.add(EventSerde.mapper().readTree(line));
			}
		}
		return lines;
	}

	private static List<String> ids(JsonNode array) {
		List<String> ids = new ArrayList<>();
		array.forEach(node -> ids.add(node.path("id").asString()));
		return ids;
	}

	private Path copy(String resource, String name) throws IOException {
		Path file = dir.resolve(name);
		try (InputStream in = NewswireCliTest.class.getResourceAsStream(resource)) {
			Files.write(file, in.readAllBytes());
		}
		return file;
	}

}
