package org.newswire.enrich.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.entity.Gazetteer;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.pipeline.Enricher;
import org.newswire.enrich.topic.Taxonomy;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.events.RawArticle;

import org.springframework.core.io.ClassPathResource;

/**
 * Throughput of everything enrichment does after the fetch (decode and parse, metadata, main text,
 * language, topics, entities, word count, fingerprint) on the pages of the extraction development
 * set, on one thread, without network. Not part of the build; run it as the README says:
 * {@code EnrichBenchmark [DIR] [ROUNDS]} with {@code DIR} the set (default ../shared/extraction-dev).
 * Prints pages per second (one core), allocation per page (ThreadMXBean), the median and 95th
 * percentile time per page and the slowest pages.
 */
public final class EnrichBenchmark {

	private EnrichBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/extraction-dev");
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		if (!Files.isDirectory(dir.resolve("pages"))) {
			System.err.println("No pages in " + dir.toAbsolutePath() + ": pass the extraction-dev directory");
			System.exit(2);
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(dir.resolve("pages"))) {
			files = list.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
		List<String> ids = new ArrayList<>();
		List<byte[]> pages = new ArrayList<>();
		long bytes = 0;
		for (Path file : files) {
			ids.add(file.getFileName().toString().replaceFirst("\\.html$", ""));
			byte[] body = Files.readAllBytes(file);
			pages.add(body);
			bytes += body.length;
		}
		long setup = System.nanoTime();
		Enricher enricher = new Enricher(null, new MainTextExtractor(), new LanguageDetector(),
				new TopicTagger(Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml"))),
				new EntityTagger(Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml"))), 200,
				Clock.systemUTC());
		System.out.printf("%d pages (%.1f MiB), setup %.1f s; 2 warm-up rounds, %d measured%n", pages.size(),
				bytes / 1048576.0, (System.nanoTime() - setup) / 1e9, rounds);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < pages.size(); i++) {
				enrich(enricher, ids.get(i), pages.get(i));
			}
		}
		long[] nanos = new long[pages.size()];
		long totalNanos = 0;
		long totalAllocated = 0;
		long totalWall = 0;
		long totalProcess = 0;
		com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < pages.size(); i++) {
				long allocatedBefore = allAllocated(threads);
				long processStart = process.getProcessCpuTime();
				long wallStart = System.nanoTime();
				long start = threads.getCurrentThreadCpuTime();
				enrich(enricher, ids.get(i), pages.get(i));
				long took = threads.getCurrentThreadCpuTime() - start;
				totalWall += System.nanoTime() - wallStart;
				totalProcess += process.getProcessCpuTime() - processStart;
				totalAllocated += allAllocated(threads) - allocatedBefore;
				nanos[i] += took;
				totalNanos += took;
			}
		}
		int measured = pages.size() * rounds;
		long[] perPage = Arrays.stream(nanos).map(n -> n / rounds).toArray();
		long[] sorted = perPage.clone();
		Arrays.sort(sorted);
		// CPU time, not wall time: what one core does, whatever else the machine runs. The process's CPU
		// time counts Lingua's fork-join helpers (and GC); this thread's alone would not
		System.out.printf("throughput  %.1f pages per CPU-second of the process, i.e. per core (%.2f ms CPU/page; "
				+ "this thread alone %.2f ms; wall clock %.1f pages/s on this shared machine)%n",
				measured / (totalProcess / 1e9), totalProcess / 1e6 / measured, totalNanos / 1e6 / measured,
				measured / (totalWall / 1e9));
		System.out.printf("allocation  %.2f MiB/page mean (all threads)%n", totalAllocated / 1048576.0 / measured);
		System.out.printf("CPU/page    median %.2f ms, p95 %.2f ms%n", sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.95)] / 1e6);
		Integer[] order = new Integer[perPage.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (a, b) -> Long.compare(perPage[b], perPage[a]));
		System.out.println("by stage (fresh components, second of two rounds, mean CPU ms/page of this thread):");
		String[] stages = { "parse", "metadata", "main text", "language", "topics", "entities", "fingerprint" };
		long[] stageNanos = new long[stages.length];
		MainTextExtractor extractor = new MainTextExtractor();
		LanguageDetector languages = new LanguageDetector();
		TopicTagger topics = new TopicTagger(Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml")));
		EntityTagger entities = new EntityTagger(Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml")));
		for (int pass = 0; pass < 2; pass++) {
		Arrays.fill(stageNanos, 0);
		for (int i = 0; i < pages.size(); i++) {
			long t0 = threads.getCurrentThreadCpuTime();
			Document document = PageFetcher.parse(pages.get(i), null, "");
			long t1 = threads.getCurrentThreadCpuTime();
			org.newswire.enrich.extract.PageMetadata metadata = org.newswire.enrich.extract.PageMetadata.of(document, Clock.systemUTC());
			long t2 = threads.getCurrentThreadCpuTime();
			String text = extractor.extract(document).text();
			long t3 = threads.getCurrentThreadCpuTime();
			languages.detect(text);
			long t4 = threads.getCurrentThreadCpuTime();
			topics.tag(metadata.title(), text);
			long t5 = threads.getCurrentThreadCpuTime();
			entities.tag(metadata.title(), text);
			long t6 = threads.getCurrentThreadCpuTime();
			org.newswire.enrich.fingerprint.SimHash.of(text);
			long t7 = threads.getCurrentThreadCpuTime();
			long[] marks = { t0, t1, t2, t3, t4, t5, t6, t7 };
			for (int s = 0; s < stages.length; s++) {
				stageNanos[s] += marks[s + 1] - marks[s];
			}
		}
		}
		for (int s = 0; s < stages.length; s++) {
			System.out.printf("  %-12s %6.2f%n", stages[s], stageNanos[s] / 1e6 / pages.size());
		}
		System.out.println("slowest:");
		for (int k = 0; k < Math.min(5, order.length); k++) {
			int i = order[k];
			System.out.printf("  %-50s %7.2f ms  %6.0f KiB%n", ids.get(i), perPage[i] / 1e6, pages.get(i).length / 1024.0);
		}
	}

	private static long allAllocated(com.sun.management.ThreadMXBean threads) {
		long sum = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, bytes);
		}
		return sum;
	}

	private static void enrich(Enricher enricher, String id, byte[] body) {
		Document document = PageFetcher.parse(body, null, "");
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, id, null, null, "bench", null, null, null, null, null, null,
				Instant.EPOCH, List.of(), List.of(), null, 1);
		enricher.fromPage(raw, document);
	}

}
