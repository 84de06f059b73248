package org.newswire.enrich.devset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.entity.Gazetteer;
import org.newswire.enrich.text.Tokens;
import org.newswire.events.EntityMention;
import org.newswire.events.EventSerde;
import org.newswire.testsupport.DevSets;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags the articles of the shared topics development set and the gold texts of the extraction
 * development set with the default gazetteer, prints how many articles have entities, mentions per
 * type and distinct entities, and writes a seeded random sample of 200 mentions with their context
 * to {@code target/devset/entity-sample.tsv} for a reader to judge precision (every mention goes to
 * {@code entity-mentions.tsv}, to look for a bad alias).
 * Skipped when neither set is beside the repository.
 */
class EntitiesDevSetTest {

	private static final int SAMPLE_SIZE = 200;

	private static final long SAMPLE_SEED = 20261127L;

	private static final int CONTEXT = 80;

	record Doc(String set, String id, String title, String text) {
	}

	/** A mention found at character {@code start} of the title ({@code part} 0) or the text (1). */
	record Located(Doc doc, int part, int start, Gazetteer.Entry entity, String surface, String context) {

		/** Where the mention is, hashed with the seed: the sample keeps its rows when other mentions come or go. */
		long sampleKey() {
			long h = SAMPLE_SEED;
			h = 31 * h + doc.set().hashCode();
			h = 31 * h + doc.id().hashCode();
			h = 31 * h + part;
			h = 31 * h + start;
			h ^= h >>> 33;
			h *= 0xff51afd7ed558ccdL;
			h ^= h >>> 33;
			h *= 0xc4ceb9fe1a85ec53L;
			return h ^ (h >>> 33);
		}

	}

	@Test
	void tagsEntitiesInMostDevelopmentArticlesAndWritesASampleToJudge() throws IOException {
		List<Doc> docs = new ArrayList<>();
		DevSets.find("topics-dev").ifPresent(dir -> docs.addAll(topicsArticles(dir)));
		DevSets.find("extraction-dev").ifPresent(dir -> docs.addAll(extractionGoldTexts(dir)));
		Assumptions.assumeTrue(!docs.isEmpty(),
				"../shared/topics-dev and ../shared/extraction-dev not found: entity dev-set check skipped");

		long loadStart = System.nanoTime();
		Gazetteer gazetteer = Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml"));
		long loaded = System.nanoTime();
		EntityTagger tagger = new EntityTagger(gazetteer);
		long built = System.nanoTime();
		long heap = retainedHeapOfAnotherTagger();
		List<List<EntityMention>> tagged = new ArrayList<>();
		for (Doc doc : docs) {
			tagged.add(tagger.tag(doc.title(), doc.text()));
		}
		long taggedAt = System.nanoTime();
		for (Doc doc : docs) {
			tagger.tag(doc.title(), doc.text());
		}
		long warmPass = System.nanoTime() - taggedAt;

		List<Located> mentions = new ArrayList<>();
		Map<String, int[]> perSet = new TreeMap<>();
		Map<String, Integer> mentionsPerType = new TreeMap<>();
		Map<String, Set<String>> distinctPerType = new TreeMap<>();
		for (int i = 0; i < docs.size(); i++) {
			Doc doc = docs.get(i);
			List<EntityMention> found = tagged.get(i);
			int[] c = perSet.computeIfAbsent(doc.set(), s -> new int[2]);
			c[0]++;
			c[1] += found.isEmpty() ? 0 : 1;
			for (EntityMention mention : found) {
				mentionsPerType.merge(mention.type(), mention.mentions(), Integer::sum);
				distinctPerType.computeIfAbsent(mention.type(), t -> new HashSet<>()).add(mention.id());
			}
			List<Located> here = located(tagger, doc);
			mentions.addAll(here);
		}

		List<Located> sample = mentions.stream()
			.sorted(Comparator.comparingLong(Located::sampleKey))
			.limit(SAMPLE_SIZE)
			.toList();
		Path out = DevSets.output("entity-sample.tsv");
		write(out, sample);
		write(DevSets.output("entity-mentions.tsv"), mentions);

		System.out.printf("Entities dev set: gazetteer of %d entities read in %d ms, tagger built in %d ms"
				+ " (about %d KB of heap with the tagger), %d documents tagged in %d ms (again, warm: %d ms)%n",
				gazetteer.entities().size(), (loaded - loadStart) / 1_000_000, (built - loaded) / 1_000_000,
				heap / 1024, docs.size(), (taggedAt - built) / 1_000_000,
				warmPass / 1_000_000);
		perSet.forEach((set, c) -> System.out.printf("  %-15s %d of %d documents with entities%n", set, c[1], c[0]));
		mentionsPerType.forEach((type, count) -> System.out.printf("  %-13s %5d mentions, %4d distinct entities%n",
				type, count, distinctPerType.get(type).size()));
		System.out.printf("  %d mentions in all; sample of %d (seed %d) in %s%n", mentions.size(), sample.size(),
				SAMPLE_SEED, out);

		int[] topics = perSet.get("topics-dev");
		if (topics != null) {
			// international news: nearly every article names a country, leader or organisation
			assertThat(topics[1]).as("topics-dev articles with entities").isGreaterThanOrEqualTo(topics[0] * 9 / 10);
		}
		int[] all = perSet.values().stream().reduce(new int[2], (a, b) -> new int[] { a[0] + b[0], a[1] + b[1] });
		assertThat(all[1]).as("documents with entities").isGreaterThan(all[0] / 2);
	}

	/** Rough: heap in use after asking for a collection, with and without a second tagger; enough to compare gazetteers. */
	private static long retainedHeapOfAnotherTagger() {
		long before = usedHeap();
		EntityTagger probe = new EntityTagger(Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml")));
		long after = usedHeap();
		java.lang.ref.Reference.reachabilityFence(probe);
		return Math.max(0, after - before);
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

	private static List<Located> located(EntityTagger tagger, Doc doc) {
		List<Located> located = new ArrayList<>();
		for (EntityTagger.Mention mention : tagger.mentions(Tokens.of(doc.title()), Tokens.of(doc.text()))) {
			String text = mention.inTitle() ? doc.title() : doc.text();
			int start = mention.start();
			int end = mention.end();
			String context = text.substring(Math.max(0, start - CONTEXT), start) + "[[" + text.substring(start, end)
					+ "]]" + text.substring(end, Math.min(text.length(), end + CONTEXT));
			located.add(new Located(doc, mention.inTitle() ? 0 : 1, start, mention.entity(), text.substring(start, end),
					context));
		}
		return located;
	}

	private static List<Doc> topicsArticles(Path dir) {
		try {
			List<Doc> docs = new ArrayList<>();
			for (String line : Files.readAllLines(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
				JsonNode article = EventSerde.mapper().readTree(line);
				docs.add(new Doc("topics-dev", article.get("id").asString(), article.path("title").asString(""),
						article.path("text").asString("")));
			}
			return docs;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + dir, ex);
		}
	}

	private static List<Doc> extractionGoldTexts(Path dir) {
		try (Stream<Path> files = Files.list(dir.resolve("gold"))) {
			List<Doc> docs = new ArrayList<>();
			for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
				String id = txt.getFileName().toString().replaceFirst("\\.txt$", "");
				Path json = txt.resolveSibling(id + ".json");
				String title = Files.exists(json)
						? EventSerde.mapper().readTree(Files.readString(json, StandardCharsets.UTF_8)).path("title").asString("")
						: "";
				docs.add(new Doc("extraction-dev", id, title, Files.readString(txt, StandardCharsets.UTF_8)));
			}
			return docs;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + dir, ex);
		}
	}

	private static void write(Path file, List<Located> rows) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("n\tarticle\tentity\ttype\tsurface\tcontext\n");
			int n = 0;
			for (Located l : rows) {
				writer.write(++n + "\t" + l.doc().id() + "\t" + l.entity().id() + "\t" + l.entity().type() + "\t"
						+ cell(l.surface()) + "\t" + cell(l.context()) + "\n");
			}
		}
	}

	private static String cell(String value) {
		return value.replaceAll("[\\t\\r\\n]+", " ");
	}

}
