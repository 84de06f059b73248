package org.newswire.enrich.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.entity.Gazetteer;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.page.FetchRetry;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.page.RobotsSettings;
import org.newswire.enrich.pipeline.Enricher;
import org.newswire.enrich.topic.Taxonomy;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.fetch.FetchSettings;
import org.newswire.fetch.HttpFetcher;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The operators' command line, without Kafka or Spring: {@code extract FILE|URL...} prints one JSON
 * line per page, {@code tag} one JSON line per {@code {"id","title","text"}} line read from stdin.
 * {@code --taxonomy FILE} and {@code --gazetteer FILE} try a changed file before it is deployed.
 * Exit status 0 when every input was handled, 1 when some failed (each failure is a JSON line with
 * an {@code error}), 2 for a usage error.
 */
public final class NewswireCli {

	static final String USAGE = """
			usage: newswire extract [--taxonomy FILE] [--gazetteer FILE] FILE|URL...
			       newswire tag [--taxonomy FILE] [--gazetteer FILE] < lines of {"id","title","text"}
			""";

	private NewswireCli() {
	}

	public static void main(String[] args) {
		// JSON goes to stdout: keep logging on stderr and quiet (before any logger is created)
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "org/newswire/enrich/cli/logback-cli.xml");
		}
		System.exit(run(args, System.in, System.out, System.err));
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		List<String> rest = new ArrayList<>();
		Resource taxonomy = new ClassPathResource("taxonomy/taxonomy.yml");
		Resource gazetteer = new ClassPathResource("gazetteer/gazetteer.yml");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if ((arg.equals("--taxonomy") || arg.equals("--gazetteer")) && i + 1 < args.length) {
				Path file = Path.of(args[++i]);
				if (!Files.isReadable(file)) {
					err.println("newswire: cannot read " + file);
					return 2;
				}
				if (arg.equals("--taxonomy")) {
					taxonomy = new FileSystemResource(file);
				}
				else {
					gazetteer = new FileSystemResource(file);
				}
			}
			else if (arg.equals("-h") || arg.equals("--help")) {
				out.print(USAGE);
				return 0;
			}
			else {
				rest.add(arg);
			}
		}
		if (rest.isEmpty()) {
			err.print(USAGE);
			return 2;
		}
		String command = rest.remove(0);
		if (!command.equals("extract") && !command.equals("tag")) {
			err.println("newswire: unknown command '" + command + "'");
			err.print(USAGE);
			return 2;
		}
		if (command.equals("extract") && rest.isEmpty()) {
			err.println("newswire extract: name at least one FILE or URL");
			return 2;
		}
		TopicTagger topics;
		EntityTagger entities;
		try {
			topics = new TopicTagger(Taxonomy.read(taxonomy));
			entities = new EntityTagger(Gazetteer.read(gazetteer));
		}
		catch (RuntimeException ex) {
			err.println("newswire: " + ex.getMessage());
			return 2;
		}
		LanguageDetector languages = new LanguageDetector();
		if (command.equals("tag")) {
			return new TagCommand(languages, topics, entities)
				.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
		}
		FetchSettings settings = FetchSettings.of("newswire-cli/0.1", Duration.ofSeconds(10), Duration.ofSeconds(30),
				0, 0, List.of());
		try (HttpFetcher fetcher = new HttpFetcher(settings)) {
			PageFetcher pages = new PageFetcher(fetcher, new FetchRetry(2, Duration.ofMillis(500), Duration.ofSeconds(2)),
					new RobotsSettings(true, Duration.ofHours(1), Duration.ofMinutes(10), 100, Duration.ofSeconds(30)));
			Enricher enricher = new Enricher(pages, new MainTextExtractor(), languages, topics, entities, 200,
					Clock.systemUTC());
			return new ExtractCommand(enricher).run(rest, out);
		}
	}

}
