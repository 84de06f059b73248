package org.newswire.enrich.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.entity.Gazetteer;
import org.newswire.enrich.extract.ExtractedText;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.extract.PageMetadata;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.fingerprint.SimHash;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.pipeline.Enricher;
import org.newswire.enrich.text.Tokens;
import org.newswire.enrich.topic.Taxonomy;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.events.RawArticle;

import org.springframework.core.io.ClassPathResource;

/**
 * Throughput of everything enrichment does after the fetch (decode and parse, metadata, main text,
 * language, topics, entities, word count, fingerprint: {@link Enricher#fromPage}) on the pages of the
 * extraction development set (each parsed against its URL from the set's manifest, as a fetched page
 * is), on one thread, without network. Not part of the build; run it as the
 * README says: {@code EnrichBenchmark [DIR] [ROUNDS] [WARM-UP ROUNDS]} with {@code DIR} the set
 * (default ../shared/extraction-dev, 5 rounds; without WARM-UP ROUNDS warm-up lasts until JIT compiling
 * has nearly stopped, as in a service that has run a while). Prints pages per CPU-second of
 * the process (per core: this thread, Lingua's helper threads, GC, JIT compiling) and per second of
 * wall clock,
 * allocation per page (all threads), the median, 95th percentile and slowest CPU time per page, the
 * stages as the enricher runs them and the slowest pages.
 */
public final class EnrichBenchmark {

	private static final int MIN_WARM_UP_ROUNDS = 3;

	private static final int MAX_WARM_UP_ROUNDS = 30;

	/** Warm-up ends after a round that spent less than this share of the process's CPU time compiling. */
	private static final double SETTLED_JIT_SHARE = 0.03;

	private EnrichBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/extraction-dev");
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		// C2 keeps compiling this mix of pages for 20-30 s: by default warm up until it has (nearly) done,
		// or 5 rounds where the compiler's CPU time cannot be read
		int fixedWarmUp = args.length > 2 ? Integer.parseInt(args[2]) : jitCpuTime() < 0 ? 5 : -1;
		if (!Files.isDirectory(dir.resolve("pages"))) {
			System.err.println("No pages in " + dir.toAbsolutePath() + ": pass the extraction-dev directory");
			System.exit(2);
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(dir.resolve("pages"))) {
			files = list.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
		Map<String, String> urls = urls(dir.resolve("manifest.tsv"));
		List<String> ids = new ArrayList<>();
		List<byte[]> pages = new ArrayList<>();
		long bytes = 0;
		for (Path file : files) {
			ids.add(file.getFileName().toString().replaceFirst("\\.html$", ""));
			byte[] body = Files.readAllBytes(file);
			pages.add(body);
			bytes += body.length;
		}
		List<String> pageUrls = ids.stream().map(id -> urls.getOrDefault(id, "")).toList();
		long setup = System.nanoTime();
		Enricher enricher = new Enricher(null, new MainTextExtractor(), new LanguageDetector(),
				new TopicTagger(Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml"))),
				new EntityTagger(Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml"))), 200,
				Clock.systemUTC());
		double setupSeconds = (System.nanoTime() - setup) / 1e9;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		int warmUp = 0;
		while (fixedWarmUp < 0 ? warmUp < MAX_WARM_UP_ROUNDS : warmUp < fixedWarmUp) {
			long jitBefore = jitCpuTime();
			long cpuBefore = process.getProcessCpuTime();
			for (int i = 0; i < pages.size(); i++) {
				enrich(enricher, ids.get(i), pageUrls.get(i), pages.get(i));
			}
			warmUp++;
			long jitTime = jitCpuTime() - jitBefore;
			if (fixedWarmUp < 0 && warmUp >= MIN_WARM_UP_ROUNDS
					&& jitTime < SETTLED_JIT_SHARE * (process.getProcessCpuTime() - cpuBefore)) {
				break;
			}
		}
		System.out.printf("%d pages (%.1f MiB), setup %.1f s; %d warm-up rounds%s, %d measured%n", pages.size(),
				bytes / 1048576.0, setupSeconds, warmUp, fixedWarmUp < 0 ? " (until JIT compiling settles)" : "",
				rounds);
		long[] nanos = new long[pages.size()];
		long totalNanos = 0;
		long totalAllocated = 0;
		long totalWall = 0;
		long totalProcess = 0;
		long compiledBefore = jitCpuTime();
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < pages.size(); i++) {
				long allocatedBefore = allAllocated(threads);
				long processStart = process.getProcessCpuTime();
				long wallStart = System.nanoTime();
				long start = threads.getCurrentThreadCpuTime();
				enrich(enricher, ids.get(i), pageUrls.get(i), pages.get(i));
				long took = threads.getCurrentThreadCpuTime() - start;
				totalWall += System.nanoTime() - wallStart;
				totalProcess += process.getProcessCpuTime() - processStart;
				totalAllocated += allAllocated(threads) - allocatedBefore;
				nanos[i] += took;
				totalNanos += took;
			}
		}
		long compiledAfter = jitCpuTime();
		long compiling = compiledBefore < 0 || compiledAfter < 0 ? -1 : compiledAfter - compiledBefore;
		int measured = pages.size() * rounds;
		long[] perPage = Arrays.stream(nanos).map(n -> n / rounds).toArray();
		long[] sorted = perPage.clone();
		Arrays.sort(sorted);
		// CPU time, not wall time: what one core does, whatever else the machine runs. The process's CPU
		// time counts Lingua's fork-join helpers, GC and JIT compiling still going on; this thread's alone would not
		System.out.printf("throughput  %.1f pages per CPU-second of the process, i.e. per core (%.2f ms CPU/page: "
				+ "this thread %.2f ms, other threads %.2f ms: Lingua's helpers, GC, JIT %s); "
				+ "%.1f pages/s wall clock on this shared machine%n", measured / (totalProcess / 1e9),
				totalProcess / 1e6 / measured, totalNanos / 1e6 / measured, (totalProcess - totalNanos) / 1e6 / measured,
				compiling < 0 ? "(not measured here)"
						: String.format("%.2f ms; %.1f pages per CPU-second without it", compiling / 1e6 / measured,
								measured / ((totalProcess - compiling) / 1e9)),
				measured / (totalWall / 1e9));
		System.out.printf("allocation  %.2f MiB/page mean (all threads)%n", totalAllocated / 1048576.0 / measured);
		System.out.printf("CPU/page    median %.2f ms, p95 %.2f ms, slowest %.2f ms (this thread)%n",
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
				sorted[sorted.length - 1] / 1e6);
		printStages(pages, pageUrls, threads);
		Integer[] order = new Integer[perPage.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (a, b) -> Long.compare(perPage[b], perPage[a]));
		System.out.println("slowest:");
		for (int k = 0; k < Math.min(5, order.length); k++) {
			int i = order[k];
			System.out.printf("  %-50s %7.2f ms  %6.0f KiB%n", ids.get(i), perPage[i] / 1e6, pages.get(i).length / 1024.0);
		}
	}

	/**
	 * The stages the {@link Enricher} runs, called the way it calls them (title and text split into
	 * tokens once for topics, entities, word count and fingerprint), each timed on its own.
	 */
	private static void printStages(List<byte[]> pages, List<String> urls,
			com.sun.management.ThreadMXBean threads) {
		System.out.println("by stage (fresh components, second of two rounds, mean CPU ms/page of this thread):");
		String[] stages = { "parse", "metadata", "main text", "language", "tokens", "topics", "entities",
				"fingerprint" };
		long[] stageNanos = new long[stages.length];
		MainTextExtractor extractor = new MainTextExtractor();
		LanguageDetector languages = new LanguageDetector();
		TopicTagger topics = new TopicTagger(Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml")));
		EntityTagger entities = new EntityTagger(Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml")));
		for (int pass = 0; pass < 2; pass++) {
			Arrays.fill(stageNanos, 0);
			for (int i = 0; i < pages.size(); i++) {
				long t0 = threads.getCurrentThreadCpuTime();
				Document document = PageFetcher.parse(pages.get(i), null, urls.get(i));
				long t1 = threads.getCurrentThreadCpuTime();
				PageMetadata metadata = PageMetadata.of(document, Clock.systemUTC());
				long t2 = threads.getCurrentThreadCpuTime();
				ExtractedText extracted = extractor.extract(document);
				long t3 = threads.getCurrentThreadCpuTime();
				String title = metadata.title() != null ? metadata.title() : extracted.title();
				String text = extracted.text();
				languages.detect(text.length() >= 100 || title == null ? text : title + "\n\n" + text);
				long t4 = threads.getCurrentThreadCpuTime();
				Tokens titleTokens = Tokens.of(title);
				Tokens textTokens = Tokens.of(text);
				long t5 = threads.getCurrentThreadCpuTime();
				topics.tag(titleTokens, textTokens);
				long t6 = threads.getCurrentThreadCpuTime();
				entities.tag(titleTokens, textTokens);
				long t7 = threads.getCurrentThreadCpuTime();
				SimHash.of(textTokens);
				long t8 = threads.getCurrentThreadCpuTime();
				long[] marks = { t0, t1, t2, t3, t4, t5, t6, t7, t8 };
				for (int s = 0; s < stages.length; s++) {
					stageNanos[s] += marks[s + 1] - marks[s];
				}
			}
		}
		long sum = 0;
		for (int s = 0; s < stages.length; s++) {
			System.out.printf("  %-12s %6.2f%n", stages[s], stageNanos[s] / 1e6 / pages.size());
			sum += stageNanos[s];
		}
		System.out.printf("  %-12s %6.2f%n", "sum", sum / 1e6 / pages.size());
	}

	/**
	 * CPU time of the JIT compiler threads (hidden from ThreadMXBean) from /proc on Linux, in
	 * nanoseconds at clock-tick resolution (USER_HZ, 100 on Linux); -1 elsewhere.
	 */
	private static long jitCpuTime() {
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return -1;
		}
		long ticks = 0;
		try (Stream<Path> list = Files.list(tasks)) {
			for (Path task : list.toList()) {
				String name = Files.readString(task.resolve("comm"));
				if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
					String stat = Files.readString(task.resolve("stat"));
					// fields after the parenthesised name: state is field 3, utime 14, stime 15
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return ticks * 10_000_000L;
	}

	private static long allAllocated(com.sun.management.ThreadMXBean threads) {
		long sum = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, bytes);
		}
		return sum;
	}

	/** As the service enriches a fetched page: parsed against its URL, which relative links resolve against. */
	private static void enrich(Enricher enricher, String id, String url, byte[] body) {
		Document document = PageFetcher.parse(body, null, url);
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, id, url.isEmpty() ? null : url, null, "bench", null, null,
				null, null, null, null, Instant.EPOCH, List.of(), List.of(), null, 1);
		enricher.fromPage(raw, document);
	}

	/** Page URLs by id from the set's manifest (a tab-separated file with a header naming an {@code url} column). */
	private static Map<String, String> urls(Path manifest) throws IOException {
		Map<String, String> urls = new HashMap<>();
		if (!Files.isRegularFile(manifest)) {
			return urls;
		}
		List<String> lines = Files.readAllLines(manifest);
		List<String> header = List.of(lines.get(0).split("\t", -1));
		int id = header.indexOf("id");
		int url = header.indexOf("url");
		if (id < 0 || url < 0) {
			return urls;
		}
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split("\t", -1);
			if (fields.length > Math.max(id, url)) {
				urls.put(fields[id], fields[url].strip());
			}
		}
		return urls;
	}

}
