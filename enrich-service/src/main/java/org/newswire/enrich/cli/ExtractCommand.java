package org.newswire.enrich.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.pipeline.Enricher;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EventSerde;
import org.newswire.events.RawArticle;

/**
 * {@code newswire extract}: each argument is a page file or an http(s) URL; one JSON line per input,
 * in order, with the article's metadata, language, text, topics with evidence, entities and the
 * extraction status; an input that cannot be read is a line with an {@code error}.
 */
final class ExtractCommand {

	private final Enricher enricher;

	ExtractCommand(Enricher enricher) {
		this.enricher = enricher;
	}

	int run(List<String> inputs, PrintStream out) {
		int failures = 0;
		for (String input : inputs) {
			Map<String, Object> line;
			try {
				line = extract(input);
			}
			catch (IOException | RuntimeException ex) {
				failures++;
				line = new LinkedHashMap<>();
				line.put("input", input);
				line.put("error", ex instanceof java.nio.file.NoSuchFileException ? "no such file: " + input
						: String.valueOf(ex.getMessage() != null ? ex.getMessage() : ex));
			}
			out.println(EventSerde.mapper().writeValueAsString(line));
			out.flush();
		}
		return failures == 0 ? 0 : 1;
	}

	private Map<String, Object> extract(String input) throws IOException {
		boolean url = input.startsWith("http://") || input.startsWith("https://");
		RawArticle raw = new RawArticle(RawArticle.SCHEMA, input, url ? input : null, null, "cli", null, null, null,
				null, null, null, Instant.now(), List.of(), List.of(), null, 1);
		Enricher.Result result;
		if (url) {
			result = enricher.enrichInDetail(raw);
		}
		else {
			Path file = Path.of(input);
			byte[] body = Files.readAllBytes(file);
			Document document = PageFetcher.parse(body, null, "");
			result = enricher.fromPage(raw, document);
		}
		EnrichedArticle article = result.article();
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("input", input);
		line.put("title", article.title());
		line.put("authors", article.authors());
		line.put("publishedAt", article.publishedAt() == null ? null : article.publishedAt().toString());
		line.put("publishedFrom", result.metadata().publishedFrom());
		line.put("canonicalUrl", article.canonicalUrl());
		line.put("siteName", article.siteName());
		line.put("leadImage", article.leadImage());
		line.put("language", article.language());
		line.put("languageConfidence", article.languageConfidence());
		line.put("extraction", article.extraction());
		line.put("wordCount", article.wordCount());
		line.put("fingerprint", article.fingerprint());
		line.put("topics", article.topics());
		line.put("entities", article.entities());
		line.put("text", article.text());
		return line;
	}

}
